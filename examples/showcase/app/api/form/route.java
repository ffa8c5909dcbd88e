// Docs "Request Body FormData" (no error handling: a bad form answers 400/415 by itself).
import dev.approute.*;
import java.util.*;

class Route {
    static Response POST(Request request) {
        FormData formData = request.formData();
        String name = formData.get("name");
        String email = formData.get("email");
        List<List<Object>> entries = new ArrayList<>();
        for (FormData.Entry entry : formData.entries()) {
            Object value;
            if (entry instanceof FormData.Field field) {
                value = field.value();
            } else {
                FormData.File file = (FormData.File) entry;
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("file", file.filename());
                described.put("size", file.size());
                described.put("type", file.contentType() == null ? "" : file.contentType());
                value = described;
            }
            entries.add(List.of(entry.name(), value));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("entries", entries);
        return Response.json(body);
    }
}
