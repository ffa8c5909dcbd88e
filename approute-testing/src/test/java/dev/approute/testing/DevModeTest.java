package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** Dev mode shows handler errors in the 500 body; production never does. */
class DevModeTest {
    private static final String THROWS = """
            import dev.approute.*;
            class Route {
                static Response GET() {
                    throw new IllegalStateException("database password rejected: check DB_URL");
                }
                static Response POST() {
                    return null;
                }
            }
            """;

    @Test
    void devModeBodyCarriesTheExceptionMessage() {
        try (TestApp app = TestApp.builder().file("app/api/boom/route.java", THROWS).dev(true).start()) {
            HttpResponse<String> response = app.get("/api/boom");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("database password rejected: check DB_URL");
            assertThat(app.log()).anySatisfy(line -> assertThat(line).contains("database password rejected").contains("app/api/boom/route.java"));
        }
    }

    @Test
    void devModeNullResponseNamesFileAndMethod() {
        try (TestApp app = TestApp.builder().file("app/api/boom/route.java", THROWS).dev(true).start()) {
            HttpResponse<String> response = app.request("POST", "/api/boom");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("app/api/boom/route.java").contains("POST");
        }
    }

    @Test
    void productionBodyIsEmptyButTheLogHasTheDetails() {
        try (TestApp app = TestApp.builder().file("app/api/boom/route.java", THROWS).dev(false).start()) {
            HttpResponse<String> response = app.get("/api/boom");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEmpty();
            assertThat(response.headers().firstValue("content-type")).isEmpty();
            assertThat(app.log()).anySatisfy(line -> assertThat(line).contains("database password rejected").contains("app/api/boom/route.java"));
            HttpResponse<String> nullResponse = app.request("POST", "/api/boom");
            assertThat(nullResponse.statusCode()).isEqualTo(500);
            assertThat(nullResponse.body()).isEmpty();
        }
    }
}
