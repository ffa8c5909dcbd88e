package dev.approute.cli;

import picocli.CommandLine.Option;

/** --port / PORT and --hostname, shared by dev and start. */
final class ServeOptions {
    static final String DEFAULT_HOSTNAME = "127.0.0.1";

    @Option(names = {"-p", "--port"}, paramLabel = "<port>", description = "Port to listen on (default: $PORT, else 3000).")
    Integer port;

    @Option(names = {"-H", "--hostname"}, paramLabel = "<host>", description = "Address to listen on (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_HOSTNAME)
    String hostname;

    int port() {
        if (port != null) {
            return port;
        }
        String fromEnv = System.getenv("PORT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            try {
                return Integer.parseInt(fromEnv.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("PORT=" + fromEnv + " is not a port number: set PORT to a number such as 3000");
            }
        }
        return 3000;
    }
}
