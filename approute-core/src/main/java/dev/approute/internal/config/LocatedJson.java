package dev.approute.internal.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * A JSON document as a tree whose every value knows its line, so that config messages can say
 * {@code approute.json:7}. Jackson's streaming parser does the parsing; this only keeps {@code getTokenLocation()}.
 *
 * <pre>{@code
 * LocatedJson.Node root = LocatedJson.parse("{\n  \"trailingSlash\": \"yes\"\n}");
 * root.fields().get("trailingSlash").line();   // 2
 * }</pre>
 */
final class LocatedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private LocatedJson() {
    }

    /**
     * One JSON value: {@code Map<String, Node>} for an object (key order kept), {@code List<Node>} for an array,
     * {@code String}, {@code Boolean}, a {@code Number}, or null.
     */
    record Node(Object value, int line) {
        @SuppressWarnings("unchecked")
        Map<String, Node> fields() {
            return (Map<String, Node>) value;
        }

        @SuppressWarnings("unchecked")
        List<Node> items() {
            return (List<Node>) value;
        }

        boolean isObject() {
            return value instanceof Map;
        }

        boolean isArray() {
            return value instanceof List;
        }

        /** {@code "yes" (a string)}, {@code 3 (a number)}, {@code an object}: how a message names a bad value. */
        String describe() {
            return switch (value) {
                case null -> "null";
                case String text -> '"' + text + "\" (a string)";
                case Boolean flag -> flag + " (a boolean)";
                case Number number -> number + " (a number)";
                case Map<?, ?> map -> "an object";
                case List<?> list -> "an array";
                default -> String.valueOf(value);
            };
        }
    }

    /** A syntax error: the parser's message and where it stopped. */
    static final class SyntaxError extends Exception {
        private final int line;

        SyntaxError(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    static Node parse(String json) throws SyntaxError {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError("the file is empty; it must hold a JSON object, e.g. {}", 1);
            }
            Node root = read(parser, first);
            if (parser.nextToken() != null) {
                throw new SyntaxError("unexpected content after the top-level value", line(parser));
            }
            return root;
        } catch (JsonParseException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SyntaxError("invalid JSON: " + e.getOriginalMessage(), line);
        } catch (IOException e) {
            throw new SyntaxError("cannot read JSON: " + e.getMessage(), 0);
        }
    }

    private static Node read(JsonParser parser, JsonToken token) throws IOException {
        int line = line(parser);
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    int keyLine = line(parser);
                    Node value = read(parser, parser.nextToken());
                    // The key's line: where a reader looks for `"trailingSlash":`.
                    fields.put(name, new Node(value.value(), keyLine));
                }
                yield new Node(fields, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(parser, next));
                }
                yield new Node(items, line);
            }
            case VALUE_STRING -> new Node(parser.getText(), line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Node(parser.getNumberValue(), line);
            case VALUE_TRUE -> new Node(Boolean.TRUE, line);
            case VALUE_FALSE -> new Node(Boolean.FALSE, line);
            case VALUE_NULL -> new Node(null, line);
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
