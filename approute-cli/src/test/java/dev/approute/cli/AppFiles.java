package dev.approute.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a test app, creating their folders. */
final class AppFiles {
    private AppFiles() {
    }

    /** @param relative e.g. {@code app/api/hello/route.java} */
    static void write(Path app, String relative, String content) throws IOException {
        Path file = app.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
