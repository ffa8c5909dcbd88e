package dev.approute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void namesAreCaseInsensitive() {
        Headers headers = Headers.of("Content-Type", "text/plain", "X-Route", "hello");
        assertThat(headers.get("content-type")).isEqualTo("text/plain");
        assertThat(headers.get("CONTENT-TYPE")).isEqualTo("text/plain");
        assertThat(headers.has("x-ROUTE")).isTrue();
        assertThat(headers.names()).containsExactly("content-type", "x-route");
    }

    @Test
    void absentHeaderIsNullAndEmptyList() {
        Headers headers = Headers.of("a", "1");
        assertThat(headers.get("b")).isNull();
        assertThat(headers.getAll("b")).isEmpty();
        assertThat(headers.has("b")).isFalse();
    }

    @Test
    void repeatedValuesAreJoinedWithCommaSpace() {
        Headers headers = Headers.builder().add("X-Multi", "one").add("x-multi", "two").build();
        assertThat(headers.get("x-multi")).isEqualTo("one, two");
        assertThat(headers.getAll("X-MULTI")).containsExactly("one", "two");
        assertThat(headers.toMap()).containsExactly(Map.entry("x-multi", "one, two"));
    }

    @Test
    void setReplacesAndRemoveDeletes() {
        Headers headers = Headers.builder().add("a", "1").add("A", "2").set("a", "3").add("b", "x").remove("B").build();
        assertThat(headers.getAll("a")).containsExactly("3");
        assertThat(headers.has("b")).isFalse();
    }

    @Test
    void iterationIsSortedByLowerCaseName() {
        Headers headers = Headers.of("Zeta", "z", "alpha", "a", "Mid", "m1", "mid", "m2");
        List<String> seen = new ArrayList<>();
        headers.forEach((name, value) -> seen.add(name + "=" + value));
        assertThat(seen).containsExactly("alpha=a", "mid=m1", "mid=m2", "zeta=z");
    }

    @Test
    void valuesWithCrLfOrNulAreRejected() {
        assertThatThrownBy(() -> Headers.of("x-a", "ok\r\nSet-Cookie: evil=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.of("x-a", "ok\nmore")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.of("x-a", "ok\rmore")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.of("x-a", "nul\0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.builder().set("x-a", "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidNamesAreRejected() {
        assertThatThrownBy(() -> Headers.of("", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.of("bad name", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.of("bad:name", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.of("x\r\ny", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oddArgumentCountIsRejected() {
        assertThatThrownBy(() -> Headers.of("a", "1", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringRedactsCredentials() {
        Headers headers = Headers.of("Cookie", "session=SECRET1", "Authorization", "Bearer SECRET2",
                "Set-Cookie", "token=SECRET3", "Proxy-Authorization", "Basic SECRET4", "Accept", "text/html");
        String text = headers.toString();
        assertThat(text).doesNotContain("SECRET1", "SECRET2", "SECRET3", "SECRET4");
        assertThat(text).contains("cookie", "authorization", "set-cookie", "accept=text/html");
    }

    @Test
    void isImmutableAndEqualByContent() {
        Headers a = Headers.of("X-A", "1");
        Headers b = Headers.of("x-a", "1");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        Headers changed = a.toBuilder().add("x-b", "2").build();
        assertThat(a.has("x-b")).isFalse();
        assertThat(changed.has("x-b")).isTrue();
        assertThatThrownBy(() -> a.getAll("x-a").add("2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptyHeaders() {
        assertThat(Headers.empty().isEmpty()).isTrue();
        assertThat(Headers.builder().build().isEmpty()).isTrue();
    }
}
