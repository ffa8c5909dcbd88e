package dev.approute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed form body ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}), in order,
 * repeated names kept.
 *
 * <pre>{@code
 * FormData form = request.formData();
 * String name = form.get("name");
 * FormData.File upload = form.file("file");   // null when absent or not a file
 * }</pre>
 */
public final class FormData {
    /** One form entry: a text field or an uploaded file. */
    public sealed interface Entry permits Field, File {
        String name();
    }

    public record Field(String name, String value) implements Entry {
    }

    /** An uploaded file; {@code bytes} is the whole content. */
    public record File(String name, String filename, String contentType, byte[] bytes) implements Entry {
        public long size() {
            return bytes.length;
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "File{" + name + ", " + filename + ", " + contentType + ", " + bytes.length + " bytes}";
        }
    }

    private final List<Entry> entries;

    public FormData(List<? extends Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The first text value of {@code name}; null when absent or a file. */
    public String get(String name) {
        for (Entry entry : entries) {
            if (entry.name().equals(name)) {
                return entry instanceof Field field ? field.value() : null;
            }
        }
        return null;
    }

    /** Every text value of {@code name}. */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.name().equals(name) && entry instanceof Field field) {
                values.add(field.value());
            }
        }
        return values;
    }

    /** The first file under {@code name}, or null. */
    public File file(String name) {
        for (Entry entry : entries) {
            if (entry.name().equals(name) && entry instanceof File file) {
                return file;
            }
        }
        return null;
    }

    public boolean has(String name) {
        return entries.stream().anyMatch(entry -> entry.name().equals(name));
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return "FormData" + entries;
    }
}
