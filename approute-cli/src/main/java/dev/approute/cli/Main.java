package dev.approute.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code approute dev|build|start|routes|check <app-dir>}.
 */
@Command(name = "approute", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Next.js App Router route handlers, for Java: the app/ folder is the router.",
        subcommands = {DevCommand.class, BuildCommand.class, StartCommand.class, RoutesCommand.class, CheckCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
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
