package dev.approute.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends bytes a normal HTTP client refuses to send (odd methods, absolute-form, smuggling) and reads the reply. */
public final class RawHttp {
    private RawHttp() {
    }

    /**
     * Writes {@code request} and reads one response: its head, then a Content-Length or chunked body, or until
     * the server closes. (Helidon 4.5 keeps a socket open after "Connection: close", helidon#12324, so EOF alone
     * cannot end the read.)
     */
    public static String exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return readResponse(socket, request);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readResponse(Socket socket, String request) throws IOException {
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean head = request.startsWith("HEAD ");
        int read;
        try {
            while ((read = in.read()) >= 0) {
                received.write(read);
                if (isComplete(received.toString(StandardCharsets.ISO_8859_1), head)) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException | java.net.SocketException ended) {
            // what arrived so far is the answer
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean isComplete(String text, boolean head) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String lowerHead = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int status = status(text);
        if (head || status == 204 || status == 304) {
            return true;
        }
        int length = lowerHead.indexOf("\ncontent-length:");
        if (length >= 0) {
            int lineEnd = lowerHead.indexOf('\r', length + 1);
            String value = lowerHead.substring(length + 16, lineEnd < 0 ? lowerHead.length() : lineEnd).strip();
            return text.length() - (end + 4) >= Integer.parseInt(value);
        }
        if (lowerHead.contains("transfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n");
        }
        return false;
    }

    /** The status code of a raw response, or -1 when there was none. */
    public static int status(String response) {
        if (!response.startsWith("HTTP/1.")) {
            return -1;
        }
        return Integer.parseInt(response.substring(9, 12));
    }
}
