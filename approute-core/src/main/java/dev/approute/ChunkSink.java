package dev.approute;

import java.io.IOException;

/** Where a {@link BodyWriter} sends chunks; each chunk is flushed to the client before {@code send} returns. */
public interface ChunkSink {
    void send(byte[] chunk) throws IOException;

    /** Sends the text as UTF-8. */
    void send(CharSequence chunk) throws IOException;

    /** True once the client has gone away; a writer may stop producing. */
    boolean isClosed();
}
