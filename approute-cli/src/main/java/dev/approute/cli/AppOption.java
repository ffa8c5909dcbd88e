package dev.approute.cli;

import java.nio.file.Path;

import picocli.CommandLine.Parameters;

import dev.approute.internal.app.AppLayout;

/** The app folder argument every command takes. */
final class AppOption {
    static final String DEFAULT_DIR = ".";

    @Parameters(index = "0", paramLabel = "<app-dir>", defaultValue = DEFAULT_DIR,
            description = "The app folder: the one holding app/ (default: the current folder).")
    Path dir;

    AppLayout layout() {
        return new AppLayout(dir);
    }
}
