// Binary request body, echoed back as bytes.
import dev.approute.*;
import java.security.MessageDigest;
import java.util.*;

class Route {
    static Response POST(Request request) throws Exception {
        byte[] buf = request.bytes();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf));
        return Response.bytes(buf, init -> init
                .contentType("application/octet-stream")
                .header("X-Length", String.valueOf(buf.length))
                .header("X-Sha256", sha256));
    }
}
