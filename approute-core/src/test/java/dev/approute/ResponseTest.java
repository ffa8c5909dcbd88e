package dev.approute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 4.x: Web {@code Response} rules as approute's {@link Response}. */
class ResponseTest {

    private static String text(Response response) {
        return new String(((Response.Bytes) response.body()).data(), StandardCharsets.UTF_8);
    }

    @Test
    void jsonHasApplicationJsonWithoutCharset_4_1() {
        Response response = Response.json(Map.of("a", 1));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        assertThat(text(response)).isEqualTo("{\"a\":1}");
    }

    @Test
    void textIsUtf8Plain_4_2() {
        Response response = Response.text("héllo");
        assertThat(response.headers().get("content-type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(((Response.Bytes) response.body()).data()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bytesAndStreamsHaveNoContentType_4_3() {
        assertThat(Response.bytes(new byte[] {1, 2}).headers().has("content-type")).isFalse();
        assertThat(Response.stream(sink -> sink.send("x")).headers().has("content-type")).isFalse();
        assertThat(Response.stream(List.of("a", "b").iterator()).body()).isInstanceOf(Response.Streamed.class);
    }

    @Test
    void emptyHasNoBodyAndNoContentType_4_5() {
        Response response = Response.empty();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isInstanceOf(Response.None.class);
        assertThat(response.headers().has("content-type")).isFalse();
        Response emptyText = Response.text("");
        assertThat(emptyText.headers().get("content-type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(text(emptyText)).isEmpty();
    }

    @Test
    void htmlContentType() {
        assertThat(Response.html("<p>x</p>").headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void explicitContentTypeReplacesTheDefault() {
        Response response = Response.text("<rss/>", init -> init.header("Content-Type", "text/xml"));
        assertThat(response.headers().getAll("content-type")).containsExactly("text/xml");
        Response bytes = Response.bytes(new byte[] {1}, init -> init.contentType("application/octet-stream"));
        assertThat(bytes.headers().get("content-type")).isEqualTo("application/octet-stream");
    }

    @Test
    void bytesAreCopied() {
        byte[] data = {1, 2, 3};
        Response response = Response.bytes(data);
        data[0] = 9;
        assertThat(((Response.Bytes) response.body()).data()).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 418, 599})
    void statusesInRangeAreKept_4_7(int status) {
        assertThat(Response.text("x", init -> init.status(status)).status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, 199, 600, 999, -1})
    void statusesOutOfRangeAreRejected_4_10(int status) {
        assertThatThrownBy(() -> Response.text("x", init -> init.status(status)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(status));
        assertThatThrownBy(() -> Response.empty(status)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 205, 304})
    void nullBodyStatusesWithBodyAreRejected_4_9(int status) {
        assertThatThrownBy(() -> Response.text("status " + status, init -> init.status(status)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Response.json(Map.of(), init -> init.status(status)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Response.text("x").with(init -> init.status(status)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Response.empty(status).status()).isEqualTo(status);
    }

    @Test
    void redirectDefaultsTo307AndKeepsRelativeLocation() {
        Response response = Response.redirect("/login?x=1");
        assertThat(response.status()).isEqualTo(307);
        assertThat(response.headers().get("location")).isEqualTo("/login?x=1");
        assertThat(response.body()).isInstanceOf(Response.None.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectStatuses(int status) {
        Response response = Response.redirect("https://nextjs.org/", status);
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().get("location")).isEqualTo("https://nextjs.org/");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 300, 304, 305, 306, 309, 404})
    void nonRedirectStatusesAreRejected_5_9(int status) {
        assertThatThrownBy(() -> Response.redirect("https://nextjs.org/", status)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withChangesHeadersAndKeepsBody() {
        Response base = Response.text("body", init -> init.header("x-a", "1"));
        Response changed = base.with(init -> init.status(201).header("x-b", "2").statusText("Made"));
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.statusText()).isEqualTo("Made");
        assertThat(changed.headers().get("x-a")).isEqualTo("1");
        assertThat(changed.headers().get("x-b")).isEqualTo("2");
        assertThat(text(changed)).isEqualTo("body");
        assertThat(base.status()).isEqualTo(200);
        assertThat(base.headers().has("x-b")).isFalse();
    }

    @Test
    void appendHeaderKeepsSeveralSetCookies_3_5() {
        Response response = Response.text("Hello", init -> init
                .appendHeader("Set-Cookie", "token=abc")
                .appendHeader("Set-Cookie", "second=2; Path=/; HttpOnly"));
        assertThat(response.headers().getAll("set-cookie")).containsExactly("token=abc", "second=2; Path=/; HttpOnly");
    }

    @Test
    void headerValuesCannotSplitTheResponse() {
        assertThatThrownBy(() -> Response.text("x", init -> init.header("x-a", "v\r\nSet-Cookie: a=1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textRejectsNull() {
        assertThatThrownBy(() -> Response.text(null)).isInstanceOf(NullPointerException.class);
    }
}
