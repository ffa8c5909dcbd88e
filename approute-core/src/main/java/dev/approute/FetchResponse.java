package dev.approute;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

import dev.approute.internal.json.Json;

/**
 * What a {@link Fetch} answered, fetched now or read from the data cache: status, headers and the whole body.
 * Immutable; each read of the body gets its own copy or decoding.
 *
 * <pre>{@code
 * FetchResponse res = Fetch.get("https://api.example.com/posts/1", init -> init.revalidate(60));
 * if (!res.ok()) return Response.json(Map.of("error", res.status()), init -> init.status(502));
 * Post post = res.json(Post.class);
 * String raw = res.text();   byte[] bytes = res.bytes();   String type = res.headers().get("content-type");
 * }</pre>
 */
public final class FetchResponse {
    private final String request;
    private final int status;
    private final Headers headers;
    private final byte[] body;

    FetchResponse(String request, int status, Headers headers, byte[] body) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** A 2xx status, as the Web {@code Response.ok}. */
    public boolean ok() {
        return status >= 200 && status <= 299;
    }

    public Headers headers() {
        return headers;
    }

    /** A copy of the body. */
    public byte[] bytes() {
        return body.clone();
    }

    /** The body decoded with the charset of its {@code Content-Type}, UTF-8 when it names none (or an unknown one). */
    public String text() {
        return new String(body, charset());
    }

    /** The body as JSON: Map, List, String, Number, Boolean or null. */
    public Object json() {
        return json(Object.class);
    }

    public <T> T json(Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw notJson(type.getName(), e);
        }
    }

    /** The body as JSON of a generic type: {@code res.json(new TypeRef<List<Post>>() {})}. */
    public <T> T json(TypeRef<T> type) {
        try {
            return Json.mapper().readValue(body, Json.mapper().getTypeFactory().constructType(type.type()));
        } catch (IOException e) {
            throw notJson(type.toString(), e);
        }
    }

    private FetchException notJson(String type, IOException e) {
        return new FetchException("The response of " + request + " (status " + status + ") is not JSON of type "
                + type + ": " + e.getMessage(), e);
    }

    private Charset charset() {
        String contentType = headers.get("content-type");
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String trimmed = parameter.strip();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = trimmed.substring("charset=".length()).replace("\"", "").strip();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public String toString() {
        return "FetchResponse[" + request + " -> " + status + ", " + body.length + " bytes]";
    }
}
