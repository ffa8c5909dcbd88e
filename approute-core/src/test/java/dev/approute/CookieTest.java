package dev.approute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** {@link Cookie#toSetCookie()} against SPEC 3.4 (Next.js's exact Set-Cookie serialization). */
class CookieTest {

    @Test
    void sessionCookieIsSerializedInNextOrderWithEncodedValue() {
        Cookie cookie = Cookie.of("session", "abc 123;=")
                .withHttpOnly(true)
                .withSecure(true)
                .withSameSite("lax")
                .withPath("/api")
                .withMaxAge(3600)
                .withExpires(Instant.parse("2030-01-01T01:00:00Z"));
        assertThat(cookie.toSetCookie()).isEqualTo(
                "session=abc%20123%3B%3D; Path=/api; Expires=Tue, 01 Jan 2030 01:00:00 GMT; Max-Age=3600; Secure; HttpOnly; SameSite=lax");
    }

    @Test
    void domainAndStrictCookie() {
        Cookie cookie = Cookie.of("obj", "v")
                .withSameSite("strict")
                .withDomain("example.com")
                .withPath("/")
                .withExpires(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(cookie.toSetCookie())
                .isEqualTo("obj=v; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Domain=example.com; SameSite=strict");
    }

    @Test
    void plainCookieHasNoAttributes() {
        assertThat(Cookie.of("b", "1").toSetCookie()).isEqualTo("b=1");
        assertThat(Cookie.of("b", "1").withPath("/").toSetCookie()).isEqualTo("b=1; Path=/");
    }

    @Test
    void valueIsEncodedLikeEncodeUriComponent() {
        assertThat(Cookie.of("k", "-_.!~*'()").toSetCookie()).isEqualTo("k=-_.!~*'()");
        assertThat(Cookie.of("k", "café ✓").toSetCookie()).isEqualTo("k=caf%C3%A9%20%E2%9C%93");
        assertThat(Cookie.of("k", "a,b\"c%/").toSetCookie()).isEqualTo("k=a%2Cb%22c%25%2F");
        assertThat(Cookie.of("k", "😀").toSetCookie()).isEqualTo("k=%F0%9F%98%80");
    }

    @Test
    void nullValueIsEmpty() {
        assertThat(Cookie.of("c", null).value()).isEmpty();
        assertThat(Cookie.of("c", null).toSetCookie()).isEqualTo("c=");
    }

    @Test
    void sameSiteIsWrittenAsGivenAndValidated() {
        assertThat(Cookie.of("a", "1").withSameSite("none").toSetCookie()).isEqualTo("a=1; SameSite=none");
        assertThat(Cookie.of("a", "1").withSameSite("Strict").toSetCookie()).isEqualTo("a=1; SameSite=Strict");
        assertThatThrownBy(() -> Cookie.of("a", "1").withSameSite("sometimes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sometimes");
    }

    @Test
    void partitionedComesAfterSameSite() {
        assertThat(Cookie.of("a", "1").withSecure(true).withSameSite("none").withPartitioned(true).toSetCookie())
                .isEqualTo("a=1; Secure; SameSite=none; Partitioned");
    }

    @Test
    void nameIsRequired() {
        assertThatThrownBy(() -> Cookie.of(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withersCopyAndLeaveTheOriginalAlone() {
        Cookie base = Cookie.of("a", "1");
        Cookie changed = base.withValue("2").withPath("/p");
        assertThat(base.value()).isEqualTo("1");
        assertThat(base.path()).isNull();
        assertThat(changed.value()).isEqualTo("2");
        assertThat(changed.path()).isEqualTo("/p");
    }

    @Test
    void toStringRedactsTheValue() {
        assertThat(Cookie.of("session", "s3cr3t-token").toString()).doesNotContain("s3cr3t-token").contains("session");
    }
}
