package dev.approute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** The start-up path's reading of {@code start}'s arguments gives what picocli gives, or leaves them to picocli. */
class StartArgumentsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "start",
        "start my-app",
        "start ./my-app --port 8080",
        "start --port 8080 my-app",
        "start -p 8080 -H 0.0.0.0 my-app",
        "start my-app --hostname ::1 --port 0",
        "start --port=3001 --hostname=localhost my-app",
        "start -H example.test",
        "start my-app --cache-url redis://127.0.0.1:6379/0",
        "start --cache-url=redis://cache:6379/1?prefix=a: -p 3000 my-app",
    })
    void readsTheUsualFormsAsPicocliDoes(String line) {
        String[] args = line.split(" ");
        StartCommand fast = StartArguments.parse(args);
        StartCommand picocli = picocliReading(args);

        assertThat(fast).as("read without picocli: %s", line).isNotNull();
        assertThat(fast.app.dir).isEqualTo(picocli.app.dir);
        assertThat(fast.serve.port).isEqualTo(picocli.serve.port);
        assertThat(fast.serve.hostname).isEqualTo(picocli.serve.hostname);
        assertThat(fast.cacheUrl).isEqualTo(picocli.cacheUrl);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "start --help",
        "start -h",
        "start my-app other-app",
        "start --port",
        "start --port abc",
        "start --port -1",
        "start --port 1 --port 2",
        "start --cache-url",
        "start --cache-url redis://a --cache-url redis://b",
        "start -p3000",
        "start --verbose",
        "start -- my-app",
        "start @args.txt",
        "build my-app",
        "routes my-app --port 1",
    })
    void leavesEverythingElseToPicocli(String line) {
        assertThat(StartArguments.parse(line.split(" "))).isNull();
    }

    @Test
    void noArgumentsAreNotStart() {
        assertThat(StartArguments.parse(new String[0])).isNull();
    }

    private static StartCommand picocliReading(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("start", new StartCommand());
        List<CommandLine> parsed = cli.parseArgs(args).asCommandLineList();
        return parsed.get(parsed.size() - 1).getCommand();
    }
}
