package dev.approute.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code start}'s arguments in their usual forms, read without picocli: {@code start} is the server's start-up, and
 * picocli costs it a good part of a 500 ms budget (about 170 classes compiled for Java 5, which the JDK's AOT cache
 * cannot hold, read and verified at every start, plus a reflective model of the annotations). Anything else (help,
 * an unknown, repeated or malformed option, a second folder, an {@code @file}) is left to picocli, so its help and error messages
 * are unchanged; {@code StartArgumentsTest} checks that both read every usual form the same way.
 *
 * <pre>{@code
 * StartCommand start = StartArguments.parse(new String[] {"start", "my-app", "--port", "8080"});
 * // null: picocli reads them
 * StartArguments.parse(new String[] {"start", "--help"});
 * }</pre>
 */
final class StartArguments {
    private StartArguments() {
    }

    /** The {@code start} command these arguments make, or null when they are not {@code start}'s usual forms. */
    static StartCommand parse(String[] args) {
        if (args.length == 0 || !args[0].equals("start")) {
            return null;
        }
        String dir = null;
        String port = null;
        String hostname = null;
        String cacheUrl = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            boolean portOption = name.equals("-p") || name.equals("--port");
            boolean hostOption = name.equals("-H") || name.equals("--hostname");
            boolean cacheOption = name.equals("--cache-url");
            if (portOption || hostOption || cacheOption) {
                String value = equals > 0 ? arg.substring(equals + 1) : i + 1 < args.length ? args[++i] : null;
                String earlier = portOption ? port : hostOption ? hostname : cacheUrl;
                if (value == null || value.isEmpty() || value.startsWith("-") || earlier != null) {
                    return null;
                }
                if (portOption) {
                    port = value;
                } else if (hostOption) {
                    hostname = value;
                } else {
                    cacheUrl = value;
                }
            } else if (arg.startsWith("-") || arg.startsWith("@") || dir != null) {
                return null; // an option picocli knows (or rejects), an @argument-file, or a second folder
            } else {
                dir = arg;
            }
        }
        return command(dir == null ? AppOption.DEFAULT_DIR : dir, port, hostname == null ? ServeOptions.DEFAULT_HOSTNAME : hostname,
                cacheUrl);
    }

    private static StartCommand command(String dir, String port, String hostname, String cacheUrl) {
        if (port != null && !isPortNumber(port)) {
            return null; // picocli says what is wrong with it
        }
        StartCommand command = new StartCommand();
        command.app = new AppOption();
        command.serve = new ServeOptions();
        try {
            command.app.dir = Path.of(dir);
        } catch (InvalidPathException e) {
            return null;
        }
        command.serve.port = port == null ? null : Integer.valueOf(port);
        command.serve.hostname = hostname;
        command.cacheUrl = cacheUrl;
        return command;
    }

    private static boolean isPortNumber(String text) {
        if (text.length() > 5) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
