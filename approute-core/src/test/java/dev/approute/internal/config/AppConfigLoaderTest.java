package dev.approute.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.approute.internal.app.Problem;

import static org.assertj.core.api.Assertions.assertThat;

class AppConfigLoaderTest {
    private static final Path FILE = Path.of("approute.json");

    private static AppConfig valid(String json) {
        AppConfigLoader.Result result = AppConfigLoader.parse(json, FILE);
        assertThat(result.problems()).isEmpty();
        return result.config();
    }

    private static List<String> problems(String json) {
        return AppConfigLoader.parse(json, FILE).problems().stream().map(Problem::format).toList();
    }

    private static String problem(String json) {
        List<String> problems = problems(json);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    @Test
    void emptyObjectIsTheDefaults() {
        AppConfig config = valid("{}");
        assertThat(config).isEqualTo(AppConfig.DEFAULTS);
        assertThat(config.compress()).isTrue();
        assertThat(config.generateEtags()).isTrue();
        assertThat(config.poweredByHeader()).isFalse();
        assertThat(config.bodySizeLimit()).isEqualTo(10L * 1024 * 1024);
        assertThat(config.serverTimeouts()).isEqualTo(AppConfig.ServerTimeouts.DEFAULTS);
    }

    @Test
    void everyKeyIsRead() {
        AppConfig config = valid("""
                {
                  "$schema": "./approute.schema.json",
                  "basePath": "/docs",
                  "trailingSlash": true,
                  "skipTrailingSlashRedirect": true,
                  "headers": [{"source": "/api/:path*", "has": [{"type": "header", "key": "X-Beta"}],
                               "headers": [{"key": "X-Path", "value": ":path"}]}],
                  "redirects": [{"source": "/old/:slug", "destination": "/new/:slug", "permanent": true},
                                {"source": "/gone", "destination": "https://example.com/", "statusCode": 301}],
                  "rewrites": {"beforeFiles": [{"source": "/a", "destination": "/b"}], "fallback": [{"source": "/:x*", "destination": "/api/fallback"}]},
                  "compress": false,
                  "generateEtags": false,
                  "poweredByHeader": true,
                  "bodySizeLimit": "1.5mb",
                  "trustProxy": true,
                  "allowedHosts": ["API.example.com", "*.example.com"],
                  "origin": "https://api.example.com:8443",
                  "serverTimeouts": {"idle": 10, "read": 7},
                  "cors": [{"source": "/api/:path*", "allowOrigins": ["https://App.example.com"], "allowMethods": ["get", "POST"],
                            "allowHeaders": ["Content-Type"], "exposeHeaders": ["X-Id"], "allowCredentials": true, "maxAge": 600}]
                }
                """);
        assertThat(config.basePath()).isEqualTo("/docs");
        assertThat(config.trailingSlash()).isTrue();
        assertThat(config.skipTrailingSlashRedirect()).isTrue();
        // Sources and internal destinations live under basePath.
        assertThat(config.headers().getFirst().source()).isEqualTo("/docs/api/:path*");
        assertThat(config.headers().getFirst().when().has()).containsExactly(new RequestCondition(RequestCondition.Type.HEADER, "x-beta", null));
        assertThat(config.redirects()).extracting(AppConfig.RedirectRule::status).containsExactly(308, 301);
        assertThat(config.redirects().getFirst().destination().render(Map.of("slug", "s"), v -> v)).isEqualTo("/docs/new/s");
        assertThat(config.redirects().get(1).destination().render(Map.of(), v -> v)).isEqualTo("https://example.com/");
        assertThat(config.rewrites().beforeFiles()).hasSize(1);
        assertThat(config.rewrites().afterFiles()).isEmpty();
        assertThat(config.rewrites().fallback()).hasSize(1);
        assertThat(config.compress()).isFalse();
        assertThat(config.generateEtags()).isFalse();
        assertThat(config.poweredByHeader()).isTrue();
        assertThat(config.bodySizeLimit()).isEqualTo(1536L * 1024);
        assertThat(config.trustProxy()).isTrue();
        assertThat(config.allowedHosts()).containsExactly("api.example.com", "*.example.com");
        assertThat(config.origin()).isEqualTo(new AppConfig.Origin("https", "api.example.com:8443"));
        assertThat(config.serverTimeouts()).isEqualTo(new AppConfig.ServerTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(7)));
        AppConfig.CorsRule cors = config.cors().getFirst();
        assertThat(cors.allowOrigins()).containsExactly("https://app.example.com");
        assertThat(cors.allowMethods()).containsExactly("GET", "POST");
        assertThat(cors.allowCredentials()).isTrue();
        assertThat(cors.maxAge()).isEqualTo(600);
    }

    @Test
    void plainRewriteArrayIsAfterFiles() {
        AppConfig config = valid("{\"rewrites\": [{\"source\": \"/blog/:slug\", \"destination\": \"/api/posts/:slug\"}]}");
        assertThat(config.rewrites().afterFiles()).hasSize(1);
        assertThat(config.rewrites().beforeFiles()).isEmpty();
    }

    @Test
    void unknownKeyNamesTheKeyTheLineAndTheAllowedKeys() {
        String message = problem("""
                {
                  "trailingSlash": true,
                  "trailingslash": false
                }
                """);
        assertThat(message).startsWith("approute.json:3: unknown key `trailingslash` in approute.json; the keys are: basePath, trailingSlash,")
                .contains("fix: did you mean `trailingSlash`?");
    }

    @Test
    void unknownKeyFarFromAnyGetsRemoveAdvice() {
        assertThat(problem("{\"images\": {}}")).contains("unknown key `images`").contains("fix: remove `images`");
    }

    @Test
    void unknownNestedKeysNameTheirPlace() {
        List<String> problems = problems("{\"headers\": [{\"source\": \"/a\", \"header\": []}]}");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("unknown key `header` in `headers[0]`").contains("source, headers, has, missing, basePath")
                .contains("did you mean `headers`");
        assertThat(problems.get(1)).contains("`headers[0].headers` is missing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"trailingSlash\": \"yes\"}|`trailingSlash` is \"yes\" (a string), but it must be true or false",
            "{\"compress\": 1}|`compress` is 1 (a number), but it must be true or false",
            "{\"generateEtags\": null}|`generateEtags` is null, but it must be true or false",
            "{\"poweredByHeader\": \"off\"}|`poweredByHeader` is \"off\" (a string)",
            "{\"skipTrailingSlashRedirect\": []}|`skipTrailingSlashRedirect` is an array",
            "{\"trustProxy\": \"true\"}|`trustProxy` is \"true\" (a string)",
            "{\"basePath\": \"docs\"}|`basePath` is \"docs\", but it must start with `/`",
            "{\"basePath\": \"/docs/\"}|not end with `/`",
            "{\"basePath\": 3}|`basePath` is 3 (a number)",
            "{\"bodySizeLimit\": \"lots\"}|`bodySizeLimit` is \"lots\" (a string), but it must be a positive number of bytes",
            "{\"bodySizeLimit\": -1}|`bodySizeLimit` is -1 (a number)",
            "{\"bodySizeLimit\": 1.5}|`bodySizeLimit` is 1.5 (a number)",
            "{\"allowedHosts\": [\"https://a.com\"]}|`allowedHosts[0]` is \"https://a.com\", but it must be a host name",
            "{\"allowedHosts\": \"a.com\"}|`allowedHosts` is \"a.com\" (a string), but it must be an array",
            "{\"origin\": \"api.example.com\"}|`origin` is \"api.example.com\" (a string), but it must be an origin",
            "{\"origin\": \"https://a.com/path\"}|`origin` is \"https://a.com/path\"",
            "{\"serverTimeouts\": {\"idle\": 0}}|`serverTimeouts.idle` is 0 (a number), but it must be a whole number of seconds",
            "{\"serverTimeouts\": {\"read\": -3}}|`serverTimeouts.read` is -3 (a number), but it must be a whole number of seconds",
            "{\"serverTimeouts\": {\"body\": 3}}|unknown key `body` in `serverTimeouts`",
            "{\"headers\": {}}|`headers` is an object, but it must be an array",
            "{\"headers\": [{\"headers\": [{\"key\": \"a\", \"value\": \"b\"}]}]}|`headers[0].source` is missing",
            "{\"headers\": [{\"source\": \"/a\"}]}|`headers[0].headers` is missing",
            "{\"headers\": [{\"source\": \"/a\", \"headers\": []}]}|`headers[0].headers` is an array, but it must be a non-empty array",
            "{\"headers\": [{\"source\": \"/a\", \"headers\": [{\"key\": \"Bad Name\", \"value\": \"b\"}]}]}|`headers[0].headers[0].key` is \"Bad Name\", but a header name is a token",
            "{\"headers\": [{\"source\": \"/a\", \"headers\": [{\"key\": \"A\", \"value\": 1}]}]}|`headers[0].headers[0].value` is 1 (a number), but it must be a string",
            "{\"headers\": [{\"source\": \"/post/:id(\\\\d+)\", \"headers\": [{\"key\": \"A\", \"value\": \"b\"}]}]}|approute does not support `:id(\\d+)` in a source",
            "{\"headers\": [{\"source\": \"/a\", \"basePath\": true, \"headers\": [{\"key\": \"A\", \"value\": \"b\"}]}]}|`headers[0].basePath` is true (a boolean), but it can only be false",
            "{\"redirects\": [{\"source\": \"/a\", \"destination\": \"/b\"}]}|`redirects[0]` needs `permanent`",
            "{\"redirects\": [{\"source\": \"/a\", \"destination\": \"/b\", \"statusCode\": 200}]}|`redirects[0].statusCode` is 200 (a number), but it must be one of [301, 302, 303, 307, 308]",
            "{\"redirects\": [{\"source\": \"/a\", \"destination\": \"/b\", \"permanent\": true, \"statusCode\": 301}]}|sets both `permanent` and `statusCode`",
            "{\"redirects\": [{\"source\": \"/a\", \"destination\": \"b\", \"permanent\": true}]}|`redirects[0].destination` is \"b\", but it must start with `/`, http:// or https://",
            "{\"redirects\": [{\"source\": \"/a/:x\", \"destination\": \"/b/:y\", \"permanent\": true}]}|`redirects[0].destination` uses :y, which the source and `has` do not define (they define: x)",
            "{\"redirects\": [{\"source\": \"/a\", \"permanent\": true}]}|`redirects[0].destination` is missing",
            "{\"rewrites\": [{\"source\": \"/a\", \"destination\": \"https://other.example/a\"}]}|approute does not proxy",
            "{\"rewrites\": [{\"source\": \"/a\", \"destination\": \"//other.example/a\"}]}|approute does not proxy",
            "{\"rewrites\": {\"before\": []}}|unknown key `before` in `rewrites`",
            "{\"rewrites\": \"x\"}|`rewrites` is \"x\" (a string), but it must be an array, or an object",
            "{\"headers\": [{\"source\": \"/a\", \"has\": [{\"type\": \"body\", \"key\": \"a\"}], \"headers\": [{\"key\": \"A\", \"value\": \"b\"}]}]}|`headers[0].has[0].type` is \"body\" (a string), but it must be one of \"header\", \"cookie\", \"query\", \"host\"",
            "{\"headers\": [{\"source\": \"/a\", \"has\": [{\"type\": \"host\"}], \"headers\": [{\"key\": \"A\", \"value\": \"b\"}]}]}|has type \"host\" without a `value`",
            "{\"headers\": [{\"source\": \"/a\", \"has\": [{\"type\": \"query\", \"key\": \"a\", \"value\": \"(?<x>.*)\"}], \"headers\": [{\"key\": \"A\", \"value\": \"b\"}]}]}|approute matches `value` as a literal, or literals separated by",
            "{\"headers\": [{\"source\": \"/a\", \"missing\": [{\"type\": \"cookie\"}], \"headers\": [{\"key\": \"A\", \"value\": \"b\"}]}]}|`headers[0].missing[0].key` must be a non-empty string",
            "{\"cors\": [{\"source\": \"/api/:p*\"}]}|`cors[0].allowOrigins` is missing",
            "{\"cors\": [{\"source\": \"/api/:p*\", \"allowOrigins\": [\"*\"], \"allowCredentials\": true}]}|allows credentials for any origin (\"*\")",
            "{\"cors\": [{\"source\": \"/api/:p*\", \"allowOrigins\": [\"app.example.com\"]}]}|`cors[0].allowOrigins[0]` is \"app.example.com\" (a string), but it must be an origin or \"*\"",
            "{\"cors\": [{\"source\": \"/api/:p*\", \"allowOrigins\": [\"*\"], \"allowMethods\": [\"FETCH\"]}]}|`cors[0].allowMethods[0]` is \"FETCH\" (a string), but it must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
            "{\"cors\": [{\"source\": \"/api/:p*\", \"allowOrigins\": [\"*\"], \"maxAge\": -5}]}|`cors[0].maxAge` is -5 (a number)",
            "[]|the file holds an array, but it must be a JSON object",
    })
    void badValuesNameTheKeyTheValueAndWhatIsAllowed(String json, String expected) {
        assertThat(problem(json)).contains(expected).contains("\n    fix: ");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLine() {
        List<String> problems = problems("""
                {
                  "trailingSlash": "no",
                  "compres": true,
                  "redirects": [
                    {"source": "/a", "destination": "/b"}
                  ]
                }
                """);
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("approute.json:2: `trailingSlash`");
        assertThat(problems.get(1)).startsWith("approute.json:3: unknown key `compres`").contains("did you mean `compress`");
        assertThat(problems.get(2)).startsWith("approute.json:5: `redirects[0]` needs `permanent`");
    }

    @Test
    void syntaxErrorsNameTheLine() {
        String message = problem("{\n  \"trailingSlash\": true,\n}\n");
        assertThat(message).startsWith("approute.json:3: invalid JSON").contains("no comments or trailing commas");
        assertThat(problem("")).contains("the file is empty");
        assertThat(problem("{\"a\": 1, \"a\": 2}")).contains("invalid JSON").contains("Duplicate field 'a'");
    }

    @Test
    void byteSizes() {
        assertThat(ByteSize.parse("10mb")).isEqualTo(10L * 1024 * 1024);
        assertThat(ByteSize.parse("500 KB")).isEqualTo(500L * 1024);
        assertThat(ByteSize.parse("1gb")).isEqualTo(1024L * 1024 * 1024);
        assertThat(ByteSize.parse("42")).isEqualTo(42L);
        assertThat(ByteSize.parse("1tb")).isNull();
        assertThat(ByteSize.parse("mb")).isNull();
        assertThat(ByteSize.format(10L * 1024 * 1024)).isEqualTo("10mb");
        assertThat(ByteSize.format(1536)).isEqualTo("1536b");
    }
}
