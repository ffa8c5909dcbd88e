package dev.approute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MatcherTest {
    @Test
    void aMatcherKeepsItsSourceAndConditions() {
        Matcher matcher = Matcher.source("/api/:path*").has(Condition.header("X-Beta", "1", "true"))
                .missing(Condition.cookie("session"), Condition.query("preview"));
        assertThat(matcher.sourceText()).isEqualTo("/api/:path*");
        assertThat(matcher.hasConditions()).singleElement().satisfies(condition -> {
            assertThat(condition.type()).isEqualTo(Condition.Type.HEADER);
            assertThat(condition.key()).isEqualTo("x-beta");
            assertThat(condition.values()).containsExactly("1", "true");
        });
        assertThat(matcher.missingConditions()).extracting(Condition::type).containsExactly(Condition.Type.COOKIE, Condition.Type.QUERY);
        assertThat(matcher.missingConditions().get(0).values()).isEmpty();
        assertThat(matcher).hasToString("Matcher{/api/:path*, has [header x-beta = 1|true], missing [cookie session, query preview]}");
        assertThat(Condition.host("Admin.Example.com").values()).isEqualTo(List.of("admin.example.com"));
    }

    @Test
    void mistakesThrowWithTheReason() {
        assertThatThrownBy(() -> Matcher.source("api")).hasMessageContaining("must start with `/`");
        assertThatThrownBy(() -> Matcher.source("/((?!_next).*)")).hasMessageContaining("does not support");
        assertThatThrownBy(() -> Matcher.source("/blog-:slug")).hasMessageContaining("does not support");
        assertThatThrownBy(() -> Condition.header("")).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> Condition.host()).hasMessageContaining("at least one host");
        assertThatThrownBy(() -> Matcher.source("/a").has((Condition) null)).isInstanceOf(NullPointerException.class);
    }
}
