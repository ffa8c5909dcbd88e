package dev.approute.internal.config;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParamTemplateTest {
    @Test
    void knownReferencesAreReplacedWithTheirModifiers() {
        ParamTemplate template = ParamTemplate.compile("/new/:path*?from=:slug", Set.of("path", "slug"));
        assertThat(template.render(Map.of("path", "a/b", "slug", "x"), UnaryOperator.identity())).isEqualTo("/new/a/b?from=x");
    }

    @Test
    void aQuestionMarkAfterAReferenceStartsTheQuery() {
        ParamTemplate template = ParamTemplate.compile("/api/items/:slug?from=blog", Set.of("slug"));
        assertThat(template.render(Map.of("slug", "first"), UnaryOperator.identity())).isEqualTo("/api/items/first?from=blog");
    }

    @Test
    void unknownNamesAndColonsStayLiteral() {
        ParamTemplate template = ParamTemplate.compile("max-age=60, at 12:30 :other", Set.of("slug"));
        assertThat(template.hasReferences()).isFalse();
        assertThat(template.render(Map.of(), UnaryOperator.identity())).isEqualTo("max-age=60, at 12:30 :other");
    }

    @Test
    void longestNameWins() {
        ParamTemplate template = ParamTemplate.compile(":slugs-:slug", Set.of("slug", "slugs"));
        assertThat(template.render(Map.of("slug", "1", "slugs", "2"), UnaryOperator.identity())).isEqualTo("2-1");
    }

    @Test
    void unknownReferencesAreListedForValidation() {
        assertThat(ParamTemplate.unknownReferences("/new/:slug/:other", Set.of("slug"))).containsExactly(":other");
        assertThat(ParamTemplate.unknownReferences("/new/:slug", Set.of("slug"))).isEmpty();
    }
}
