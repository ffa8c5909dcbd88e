// Private folder (_lib): not a route, never compiled or served (/api/_lib/util -> 404).
// In Next this held the shared helpers headerObject() and describeRequest(); in approute, code shared by
// several routes lives in src/ (see src/showcase/Echo.java), because _private folders are skipped entirely.
import dev.approute.*;
import java.util.*;

class Util {
    static Map<String, String> headerObject(Headers headers) {
        return new LinkedHashMap<>(headers.toMap());
    }
}
