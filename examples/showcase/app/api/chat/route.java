// The docs' LLM streaming example (app/api/chat/route.ts with the AI SDK), without a network model:
// POST {"messages":[{"role":"user","content":"..."}]} streams the answer of a small deterministic local
// generator (TinyModel.java, compiled with this route) as text/plain chunks, one token per chunk.
import dev.approute.*;
import java.util.*;

class Route {
    static Response POST(Request request) {
        Object body = request.json();   // invalid JSON: 400 for the client
        List<TinyModel.Message> messages = TinyModel.messages(body);
        if (messages == null) {
            return Response.json(Map.of("error", "expected {\"messages\":[{\"role\":\"user\",\"content\":\"...\"}]}"),
                    init -> init.status(400));
        }
        return Response.stream(sink -> {
            for (String token : TinyModel.generate(messages)) {
                if (sink.isClosed()) {
                    return;   // the client went away: stop generating
                }
                sink.send(token);
                Thread.sleep(TinyModel.MILLIS_PER_TOKEN);
            }
        }, init -> init.contentType("text/plain; charset=utf-8").header("Cache-Control", "no-cache"));
    }
}
