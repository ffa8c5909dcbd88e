package dev.approute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** SPEC 6.x: the shape of {@code params}. */
class ParamsTest {

    @Test
    void singleParam_6_1() {
        Params params = Params.of(Map.of("slug", "abc"));
        assertThat(params.get("slug")).isEqualTo("abc");
        assertThat(params.getAll("slug")).containsExactly("abc");
        assertThat(params.has("slug")).isTrue();
        assertThat(params.toMap()).containsExactly(Map.entry("slug", "abc"));
    }

    @Test
    void severalParamsKeepOrder_6_6() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tag", "1");
        values.put("item", "2");
        Params params = Params.of(values);
        assertThat(params.names()).containsExactly("tag", "item");
        assertThat(params.get("item")).isEqualTo("2");
    }

    @Test
    void catchAllIsAList_6_7() {
        Params params = Params.of(Map.of("slug", List.of("a", "b", "c")));
        assertThat(params.getAll("slug")).containsExactly("a", "b", "c");
        assertThat(params.get("slug")).isEqualTo("a/b/c");
        assertThat(params.toMap().get("slug")).isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void decodedSlashInsideOneSegmentStaysOneElement_6_10() {
        Params params = Params.of(Map.of("slug", List.of("a/b", "c")));
        assertThat(params.getAll("slug")).containsExactly("a/b", "c");
    }

    @Test
    void absentOptionalCatchAllIsAbsentNotEmpty_6_12() {
        Params params = Params.of(Map.of());
        assertThat(params.has("slug")).isFalse();
        assertThat(params.get("slug")).isNull();
        assertThat(params.getAll("slug")).isEmpty();
        assertThat(params.toMap()).isEmpty();
        assertThat(params.isEmpty()).isTrue();
        assertThat(params).isEqualTo(Params.empty());
    }

    @Test
    void valuesAreCopied() {
        List<String> segments = new ArrayList<>(List.of("x", "y"));
        Params params = Params.of(Map.of("slug", segments));
        segments.add("z");
        assertThat(params.getAll("slug")).containsExactly("x", "y");
        assertThatThrownBy(() -> params.getAll("slug").add("w")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> params.toMap().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void otherValueTypesAreRejected() {
        assertThatThrownBy(() -> Params.of(Map.of("n", 1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n");
    }

    @Test
    void namesAndValuesInOrder() {
        Params params = Params.of("tag", "1", "slug", List.of("a", "b"));
        assertThat(params.names()).containsExactly("tag", "slug");
        assertThat(params.get("slug")).isEqualTo("a/b");
        assertThat(params.toMap()).containsExactly(Map.entry("tag", "1"), Map.entry("slug", List.of("a", "b")));
        assertThat(params).hasToString("{tag=1, slug=[a, b]}");
        assertThat(Params.of()).isSameAs(Params.empty());
    }

    @Test
    void namesAndValuesAreChecked() {
        assertThatThrownBy(() -> Params.of("tag")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd count");
        assertThatThrownBy(() -> Params.of("tag", "1", "tag", "2")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> Params.of(1, "1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> Params.of("n", List.of(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only Strings");
    }

    @Test
    void equalityIsThatOfMapsWhateverTheOrder() {
        Params matched = Params.of("tag", "1", "slug", List.of("a"));
        Params generated = Params.of(Map.of("slug", List.of("a"), "tag", "1"));
        assertThat(matched).isEqualTo(generated).hasSameHashCodeAs(generated);
        assertThat(matched.hashCode()).isEqualTo(matched.toMap().hashCode());
        assertThat(matched).isNotEqualTo(Params.of("tag", "1", "slug", "a")).isNotEqualTo(Params.of("tag", "1"));
    }

    @Test
    void theCallersArrayIsCopied() {
        Object[] entries = {"tag", "1"};
        Params params = Params.of(entries);
        entries[1] = "2";
        assertThat(params.get("tag")).isEqualTo("1");
    }

    @Test
    void routeContextCarriesParams() {
        Params params = Params.of(Map.of("id", "1"));
        assertThat(new RouteContext(params).params().get("id")).isEqualTo("1");
    }
}
