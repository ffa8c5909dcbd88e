package dev.approute.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code approute dev|build|start|routes|check <app-dir>}.
 */
@Command(name = "approute", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Next.js App Router route handlers, for Java: the app/ folder is the router.",
        subcommands = {DevCommand.class, BuildCommand.class, StartCommand.class, RoutesCommand.class, CheckCommand.class})
public final class Main implements Runnable {
    // Held so the setting stays (JUL keeps loggers weakly): Helidon's start-up INFO lines are noise in a CLI.
    private static final Logger HELIDON_LOG = Logger.getLogger("io.helidon");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        HELIDON_LOG.setLevel(Level.WARNING);
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
