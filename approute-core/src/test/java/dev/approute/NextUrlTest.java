package dev.approute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NextUrlTest {
    private final NextUrl url = new NextUrl("http:", "localhost:3000", "/api/items/caf%C3%A9", SearchParams.parse("query=a%20b+c&x=%26"));

    @Test
    void partsAndHref() {
        assertThat(url.protocol()).isEqualTo("http:");
        assertThat(url.host()).isEqualTo("localhost:3000");
        assertThat(url.hostname()).isEqualTo("localhost");
        assertThat(url.port()).isEqualTo("3000");
        assertThat(url.origin()).isEqualTo("http://localhost:3000");
        assertThat(url.pathname()).isEqualTo("/api/items/caf%C3%A9");
        assertThat(url.search()).isEqualTo("?query=a+b+c&x=%26");
        assertThat(url.href()).isEqualTo("http://localhost:3000/api/items/caf%C3%A9?query=a+b+c&x=%26");
        assertThat(url.toString()).isEqualTo(url.href());
    }

    @Test
    void emptyQueryHasNoQuestionMark_8_7() {
        NextUrl bare = new NextUrl("http:", "localhost:3000", "/api/search", SearchParams.parse("?"));
        assertThat(bare.search()).isEmpty();
        assertThat(bare.href()).isEqualTo("http://localhost:3000/api/search");
    }

    @Test
    void bareNameIsRewrittenWithEquals_8_3() {
        NextUrl bare = new NextUrl("http:", "localhost:3000", "/api/search", SearchParams.parse("?empty"));
        assertThat(bare.search()).isEqualTo("?empty=");
    }

    @Test
    void hostWithoutPortAndIpv6() {
        NextUrl plain = url.withHost("example.com");
        assertThat(plain.hostname()).isEqualTo("example.com");
        assertThat(plain.port()).isEmpty();
        NextUrl v6 = url.withHost("[::1]:8080");
        assertThat(v6.hostname()).isEqualTo("[::1]");
        assertThat(v6.port()).isEqualTo("8080");
        NextUrl v6NoPort = url.withHost("[::1]");
        assertThat(v6NoPort.hostname()).isEqualTo("[::1]");
        assertThat(v6NoPort.port()).isEmpty();
    }

    @Test
    void withersCopy() {
        NextUrl login = url.withPathname("/login");
        assertThat(login.href()).isEqualTo("http://localhost:3000/login?query=a+b+c&x=%26");
        assertThat(url.pathname()).isEqualTo("/api/items/caf%C3%A9");
        assertThat(url.withSearchParams(SearchParams.empty()).href()).isEqualTo("http://localhost:3000/api/items/caf%C3%A9");
        assertThat(url.clone()).isEqualTo(url);
    }
}
