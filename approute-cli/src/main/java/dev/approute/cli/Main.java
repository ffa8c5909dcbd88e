package dev.approute.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code approute dev|build|start|routes|check <app-dir>}.
 */
@Command(name = "approute", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Next.js App Router route handlers, for Java: the app/ folder is the router.")
public final class Main implements Runnable {
    // Held so the setting stays (JUL keeps loggers weakly): Helidon's start-up INFO lines are noise in a CLI.
    private static final Logger HELIDON_LOG = Logger.getLogger("io.helidon");

    // picocli reads a command's annotations when it is added: only the command being run is added (a
    // `start` does not pay for reading the other four), all of them when the first word names none (help, typos).
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("dev", DevCommand::new);
        SUBCOMMANDS.put("build", BuildCommand::new);
        SUBCOMMANDS.put("start", StartCommand::new);
        SUBCOMMANDS.put("routes", RoutesCommand::new);
        SUBCOMMANDS.put("check", CheckCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        HELIDON_LOG.setLevel(Level.WARNING);
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        StartCommand start = StartArguments.parse(args);
        if (start != null) {
            return start.runWithoutPicocli();
        }
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        Supplier<Object> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        SUBCOMMANDS.forEach((name, command) -> {
            if (named == null || named == command) {
                cli.addSubcommand(name, command.get());
            }
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
