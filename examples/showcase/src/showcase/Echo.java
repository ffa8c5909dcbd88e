package showcase;

import dev.approute.Headers;
import dev.approute.Request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared helpers for the showcase routes (Next's {@code app/api/_lib/util.ts}). In approute, {@code _private}
 * folders are never compiled, so shared code lives here, in {@code src/}, visible to every route.
 */
public final class Echo {
    private Echo() {
    }

    /** Lower-case header name to (joined) value, sorted: the Web {@code Headers} iteration order. */
    public static Map<String, String> headerObject(Headers headers) {
        return new LinkedHashMap<>(headers.toMap());
    }

    /** {@code describeRequest(request)}: the JSON the echo routes answer with. */
    public static Map<String, Object> describeRequest(Request request) {
        return describeRequest(request, null);
    }

    public static Map<String, Object> describeRequest(Request request, Object params) {
        String bodyText = null;
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            bodyText = request.text();
        }
        var nextUrl = request.nextUrl();
        Map<String, Object> url = new LinkedHashMap<>();
        url.put("href", nextUrl.href());
        url.put("pathname", nextUrl.pathname());
        url.put("search", nextUrl.search());
        url.put("host", nextUrl.host());
        url.put("protocol", nextUrl.protocol());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", request.method());
        out.put("url", request.url());
        out.put("nextUrl", url);
        out.put("searchParams", entries(nextUrl.searchParams().entries()));
        out.put("params", params);
        out.put("contentType", request.headers().get("content-type"));
        out.put("headers", headerObject(request.headers()));
        out.put("bodyText", bodyText);
        return out;
    }

    /** {@code Array.from(searchParams.entries())}: a list of {@code [name, value]} pairs. */
    public static List<List<String>> entries(List<Map.Entry<String, String>> entries) {
        List<List<String>> out = new ArrayList<>(entries.size());
        for (var entry : entries) {
            out.add(List.of(entry.getKey(), entry.getValue()));
        }
        return out;
    }
}
