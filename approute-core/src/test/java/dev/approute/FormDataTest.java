package dev.approute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** SPEC 9.7/9.8: form entries in order, repeated names kept, files apart from text fields. */
class FormDataTest {
    private final FormData form = new FormData(List.of(
            new FormData.Field("name", "Jane"),
            new FormData.Field("tag", "a"),
            new FormData.File("file", "hello.txt", "text/plain", "hello text".getBytes(StandardCharsets.UTF_8)),
            new FormData.Field("tag", "b")));

    @Test
    void fieldsAndRepeatedNames() {
        assertThat(form.get("name")).isEqualTo("Jane");
        assertThat(form.get("tag")).isEqualTo("a");
        assertThat(form.getAll("tag")).containsExactly("a", "b");
        assertThat(form.get("missing")).isNull();
        assertThat(form.has("missing")).isFalse();
    }

    @Test
    void filesAreNotTextValues() {
        assertThat(form.get("file")).isNull();
        assertThat(form.has("file")).isTrue();
        FormData.File file = form.file("file");
        assertThat(file.filename()).isEqualTo("hello.txt");
        assertThat(file.size()).isEqualTo(10);
        assertThat(file.text()).isEqualTo("hello text");
        assertThat(file.contentType()).isEqualTo("text/plain");
        assertThat(form.file("name")).isNull();
        assertThat(file.toString()).doesNotContain("hello text");
    }

    @Test
    void entriesKeepOrderAndAreImmutable() {
        assertThat(form.entries()).extracting(FormData.Entry::name).containsExactly("name", "tag", "file", "tag");
        List<FormData.Entry> source = new ArrayList<>(List.of(new FormData.Field("a", "1")));
        FormData copy = new FormData(source);
        source.add(new FormData.Field("b", "2"));
        assertThat(copy.has("b")).isFalse();
    }
}
