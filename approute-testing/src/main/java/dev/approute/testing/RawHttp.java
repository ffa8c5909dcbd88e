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
     * the server closes (whichever is first, so keep-alive responses end the read too).
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
        if (!request.isEmpty()) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
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
        if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
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

    /**
     * Writes {@code request} and reads everything the server sends until it closes the connection, for at most
     * {@code seconds}: shows that nothing after the first response was answered (smuggling) and that the server
     * ended the connection.
     */
    public static Received exchangeUntilClosed(int port, String request, int seconds) {
        try (Connection connection = Connection.open(port)) {
            connection.write(request);
            return connection.readUntilClosed(seconds);
        }
    }

    /** What a connection received, and whether the server closed it (false: the read gave up first). */
    public record Received(String text, boolean closedByServer) {
        /** How many responses arrived (status lines: "HTTP/1.1 " and three digits). */
        public int responses() {
            int count = 0;
            for (int at = text.indexOf("HTTP/1.1 "); at >= 0; at = text.indexOf("HTTP/1.1 ", at + 1)) {
                if (at + 12 <= text.length() && Character.isDigit(text.charAt(at + 9)) && Character.isDigit(text.charAt(at + 11))) {
                    count++;
                }
            }
            return count;
        }

        public int status() {
            return RawHttp.status(text);
        }
    }

    /** A raw connection written in parts, for slow clients and pipelined requests. */
    public static final class Connection implements AutoCloseable {
        private final Socket socket;

        private Connection(Socket socket) {
            this.socket = socket;
        }

        public static Connection open(int port) {
            try {
                return new Connection(new Socket("127.0.0.1", port));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Writes and flushes; false when the server has already closed the connection. */
        public boolean write(String text) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(text.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return true;
            } catch (IOException closed) {
                return false;
            }
        }

        /** Reads one response (as {@link RawHttp#exchange} does), leaving the connection open. */
        public String readResponse() {
            try {
                return RawHttp.readResponse(socket, "");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Reads until the server closes the connection, or {@code seconds} pass without it. */
        public Received readUntilClosed(int seconds) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                while (true) {
                    long left = (end - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        return new Received(received.toString(StandardCharsets.ISO_8859_1), false);
                    }
                    socket.setSoTimeout((int) left);
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (java.net.SocketTimeoutException timeout) {
                        return new Received(received.toString(StandardCharsets.ISO_8859_1), false);
                    }
                    if (n < 0) {
                        return new Received(received.toString(StandardCharsets.ISO_8859_1), true);
                    }
                    received.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // A reset is the server closing too.
                return new Received(received.toString(StandardCharsets.ISO_8859_1), true);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a test socket
            }
        }
    }

    /** The status code of a raw response, or -1 when there was none. */
    public static int status(String response) {
        if (!response.startsWith("HTTP/1.")) {
            return -1;
        }
        return Integer.parseInt(response.substring(9, 12));
    }
}
