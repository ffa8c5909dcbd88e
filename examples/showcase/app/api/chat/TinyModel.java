// A deterministic stand-in for an LLM: answers from the last user message, word by word.
// Not a route (no HTTP-method methods): compiled together with route.java in this folder.
import java.util.*;

final class TinyModel {
    static final long MILLIS_PER_TOKEN = 40;

    record Message(String role, String content) {
    }

    private TinyModel() {
    }

    /** The {@code messages} of a chat request body, or null when the shape is wrong. */
    static List<Message> messages(Object body) {
        if (!(body instanceof Map<?, ?> map) || !(map.get("messages") instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<Message> messages = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m) || !(m.get("role") instanceof String role)
                    || !(m.get("content") instanceof String content)) {
                return null;
            }
            messages.add(new Message(role, content));
        }
        return messages;
    }

    /** The answer's tokens: words with their following space, so that joining them gives the answer. */
    static List<String> generate(List<Message> messages) {
        String prompt = "";
        for (Message message : messages) {
            if (message.role().equals("user")) {
                prompt = message.content().strip();
            }
        }
        int words = prompt.isEmpty() ? 0 : prompt.split("\\s+").length;
        String answer = prompt.isEmpty()
                ? "I did not get a question. Ask me something!"
                : "You said: \"" + prompt + "\" (" + words + (words == 1 ? " word" : " words")
                        + "). I am a tiny deterministic model running inside approute, streaming my answer one token at a time.";
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < answer.length(); i++) {
            if (answer.charAt(i) == ' ') {
                tokens.add(answer.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < answer.length()) {
            tokens.add(answer.substring(start));
        }
        return tokens;
    }
}
