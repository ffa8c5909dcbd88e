package dev.approute.internal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;
import dev.approute.internal.config.AppConfig.CorsRule;
import dev.approute.internal.config.AppConfig.HeaderRule;
import dev.approute.internal.config.AppConfig.HeaderValue;
import dev.approute.internal.config.AppConfig.Origin;
import dev.approute.internal.config.AppConfig.RedirectRule;
import dev.approute.internal.config.AppConfig.RewriteRule;
import dev.approute.internal.config.AppConfig.Rewrites;
import dev.approute.internal.config.AppConfig.ServerTimeouts;
import dev.approute.internal.config.AppConfig.When;
import dev.approute.internal.config.LocatedJson.Node;

/**
 * Reads {@code approute.json} at the app root into an {@link AppConfig}, strictly: an unknown key, a value of the
 * wrong type or outside the allowed set is a {@link Problem} naming the key, the value, what is allowed and the
 * fix, with the file's line. Every problem of the file is reported at once; a missing file is {@link AppConfig#DEFAULTS}.
 *
 * <pre>{@code
 * AppConfigLoader.Result result = AppConfigLoader.load(layout);
 * if (!result.problems().isEmpty()) throw new Problems(result.problems());
 * AppConfig config = result.config();
 * }</pre>
 */
public final class AppConfigLoader {
    public static final String FILE_NAME = "approute.json";

    static final List<String> KEYS = List.of("$schema", "basePath", "trailingSlash", "skipTrailingSlashRedirect", "headers",
            "redirects", "rewrites", "compress", "generateEtags", "poweredByHeader", "bodySizeLimit", "trustProxy",
            "allowedHosts", "origin", "serverTimeouts", "cors");
    private static final List<String> HEADER_KEYS = List.of("source", "headers", "has", "missing", "basePath");
    private static final List<String> REDIRECT_KEYS = List.of("source", "destination", "permanent", "statusCode", "has", "missing", "basePath");
    private static final List<String> REWRITE_KEYS = List.of("source", "destination", "has", "missing", "basePath");
    private static final List<String> REWRITE_PHASES = List.of("beforeFiles", "afterFiles", "fallback");
    private static final List<String> CONDITION_KEYS = List.of("type", "key", "value");
    private static final List<String> CORS_KEYS = List.of("source", "allowOrigins", "allowMethods", "allowHeaders",
            "exposeHeaders", "allowCredentials", "maxAge");
    private static final List<String> TIMEOUT_KEYS = List.of("idle", "read");
    private static final List<Integer> REDIRECT_STATUSES = List.of(301, 302, 303, 307, 308);
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** The config, or {@link AppConfig#DEFAULTS} when there are problems. */
    public record Result(AppConfig config, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();
    private String basePath = "";

    private AppConfigLoader(Path file) {
        this.file = file;
    }

    public static Path file(AppLayout layout) {
        return layout.root().resolve(FILE_NAME);
    }

    public static Result load(AppLayout layout) {
        Path path = file(layout);
        if (!Files.isRegularFile(path)) {
            return new Result(AppConfig.DEFAULTS, List.of());
        }
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), layout.relative(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** @param file the name messages use ({@code approute.json}) */
    public static Result parse(String json, Path file) {
        AppConfigLoader loader = new AppConfigLoader(file);
        Node root;
        try {
            root = LocatedJson.parse(json);
        } catch (LocatedJson.SyntaxError e) {
            loader.problems.add(new Problem(file, e.line(), e.getMessage(),
                    "fix the JSON syntax (no comments or trailing commas); an empty config is {}"));
            return new Result(AppConfig.DEFAULTS, List.copyOf(loader.problems));
        }
        if (!root.isObject()) {
            loader.problem(root, "the file holds " + root.describe() + ", but it must be a JSON object", "start from {} and add keys");
            return new Result(AppConfig.DEFAULTS, List.copyOf(loader.problems));
        }
        AppConfig config = loader.read(root.fields());
        if (loader.problems.isEmpty()) {
            return new Result(config, List.of());
        }
        // In file order, as a reader fixes them.
        loader.problems.sort(java.util.Comparator.comparingInt(Problem::line));
        return new Result(AppConfig.DEFAULTS, List.copyOf(loader.problems));
    }

    private AppConfig read(Map<String, Node> fields) {
        AppConfig d = AppConfig.DEFAULTS;
        unknownKeys("approute.json", fields, KEYS);
        basePath = basePath(fields.get("basePath"));
        boolean trailingSlash = bool(fields, "trailingSlash", "trailingSlash", d.trailingSlash());
        boolean skipRedirect = bool(fields, "skipTrailingSlashRedirect", "skipTrailingSlashRedirect", d.skipTrailingSlashRedirect());
        List<HeaderRule> headers = list(fields.get("headers"), "headers", "[{\"source\": \"/api/:path*\", \"headers\": [{\"key\": \"X-Frame-Options\", \"value\": \"DENY\"}]}]", this::headerRule);
        List<RedirectRule> redirects = list(fields.get("redirects"), "redirects", "[{\"source\": \"/old\", \"destination\": \"/new\", \"permanent\": true}]", this::redirectRule);
        Rewrites rewrites = rewrites(fields.get("rewrites"));
        boolean compress = bool(fields, "compress", "compress", d.compress());
        boolean etags = bool(fields, "generateEtags", "generateEtags", d.generateEtags());
        boolean poweredBy = bool(fields, "poweredByHeader", "poweredByHeader", d.poweredByHeader());
        long bodySizeLimit = fields.containsKey("bodySizeLimit") ? bodySizeLimit(fields.get("bodySizeLimit")) : d.bodySizeLimit();
        boolean trustProxy = bool(fields, "trustProxy", "trustProxy", d.trustProxy());
        List<String> allowedHosts = list(fields.get("allowedHosts"), "allowedHosts", "[\"api.example.com\", \"*.example.com\"]", this::allowedHost);
        Origin origin = fields.containsKey("origin") ? origin(fields.get("origin")) : null;
        ServerTimeouts timeouts = fields.containsKey("serverTimeouts") ? timeouts(fields.get("serverTimeouts")) : d.serverTimeouts();
        List<CorsRule> cors = list(fields.get("cors"), "cors", "[{\"source\": \"/api/:path*\", \"allowOrigins\": [\"https://app.example.com\"]}]", this::corsRule);
        return new AppConfig(basePath, trailingSlash, skipRedirect, headers, redirects, rewrites, compress, etags, poweredBy,
                bodySizeLimit, trustProxy, allowedHosts, origin, timeouts, cors);
    }

    // ---------------------------------------------------------------- top-level values

    private String basePath(Node node) {
        if (node == null) {
            return "";
        }
        String fix = "\"basePath\": \"/docs\"   (or \"\" for none)";
        if (!(node.value() instanceof String path)) {
            problem(node, "`basePath` is " + node.describe() + ", but it must be a string such as \"/docs\"", fix);
            return "";
        }
        if (path.isEmpty()) {
            return "";
        }
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("?") || path.contains("#") || path.contains(":")
                || path.contains("//") || path.contains("\\")) {
            problem(node, "`basePath` is \"" + path + "\", but it must start with `/`, not end with `/`, and hold no "
                    + "`?`, `#`, `:` or `//` (a plain path prefix)", fix);
            return "";
        }
        return path;
    }

    private long bodySizeLimit(Node node) {
        String fix = "\"bodySizeLimit\": \"10mb\"   (a number of bytes, or a string with b, kb, mb or gb)";
        Long bytes = switch (node.value()) {
            case Number number when isWhole(number) && number.longValue() > 0 -> number.longValue();
            case String text -> ByteSize.parse(text);
            case null, default -> null;
        };
        if (bytes == null || bytes <= 0) {
            problem(node, "`bodySizeLimit` is " + node.describe() + ", but it must be a positive number of bytes or a size "
                    + "such as \"1mb\", \"500kb\"", fix);
            return AppConfig.DEFAULT_BODY_SIZE_LIMIT;
        }
        return bytes;
    }

    private String allowedHost(Node node, String where) {
        String fix = "list host names without scheme or port: [\"api.example.com\", \"*.example.com\"]";
        if (!(node.value() instanceof String host) || host.isEmpty()) {
            problem(node, "`" + where + "` is " + node.describe() + ", but it must be a host name", fix);
            return null;
        }
        String bare = host.startsWith("*.") ? host.substring(2) : host;
        if (bare.isEmpty() || host.contains("://") || host.contains("/") || bare.contains("*") || bare.contains(":")) {
            problem(node, "`" + where + "` is \"" + host + "\", but it must be a host name (no scheme, port or path; "
                    + "`*.` only as a prefix for subdomains)", fix);
            return null;
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private Origin origin(Node node) {
        String fix = "\"origin\": \"https://api.example.com\"   (scheme and host, optionally :port; no path)";
        if (node.value() instanceof String text) {
            int schemeEnd = text.indexOf("://");
            String scheme = schemeEnd < 0 ? "" : text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            String authority = schemeEnd < 0 ? "" : text.substring(schemeEnd + 3);
            if ((scheme.equals("http") || scheme.equals("https")) && !authority.isEmpty() && !authority.contains("/")
                    && !authority.contains("?") && !authority.contains("#") && !authority.contains("@")) {
                return new Origin(scheme, authority.toLowerCase(Locale.ROOT));
            }
        }
        problem(node, "`origin` is " + node.describe() + ", but it must be an origin: http:// or https://, a host, "
                + "optionally :port, and nothing after it", fix);
        return null;
    }

    private ServerTimeouts timeouts(Node node) {
        String fix = "\"serverTimeouts\": {\"idle\": 300, \"read\": 30}   (seconds)";
        if (!node.isObject()) {
            problem(node, "`serverTimeouts` is " + node.describe() + ", but it must be an object with `idle` and `read` (seconds)", fix);
            return ServerTimeouts.DEFAULTS;
        }
        Map<String, Node> fields = node.fields();
        unknownKeys("serverTimeouts", fields, TIMEOUT_KEYS);
        return new ServerTimeouts(seconds(fields.get("idle"), "serverTimeouts.idle", ServerTimeouts.DEFAULTS.idle(), fix),
                seconds(fields.get("read"), "serverTimeouts.read", ServerTimeouts.DEFAULTS.read(), fix));
    }

    private Duration seconds(Node node, String where, Duration fallback, String fix) {
        if (node == null) {
            return fallback;
        }
        if (node.value() instanceof Number number && isWhole(number) && number.longValue() > 0 && number.longValue() <= 86_400) {
            return Duration.ofSeconds(number.longValue());
        }
        problem(node, "`" + where + "` is " + node.describe() + ", but it must be a whole number of seconds from 1 to 86400", fix);
        return fallback;
    }

    // ---------------------------------------------------------------- rules

    private HeaderRule headerRule(Node node, String where) {
        Map<String, Node> fields = entry(node, where, HEADER_KEYS, "{\"source\": \"/api/:path*\", \"headers\": [{\"key\": \"X-Frame-Options\", \"value\": \"DENY\"}]}");
        if (fields == null) {
            return null;
        }
        When when = when(fields, where);
        Node headersNode = fields.get("headers");
        List<HeaderValue> values = new ArrayList<>();
        String fix = "\"headers\": [{\"key\": \"X-Frame-Options\", \"value\": \"DENY\"}]";
        if (headersNode == null) {
            problem(node, "`" + where + ".headers` is missing: each entry sets one or more headers", fix);
        } else if (!headersNode.isArray() || headersNode.items().isEmpty()) {
            problem(headersNode, "`" + where + ".headers` is " + headersNode.describe() + ", but it must be a non-empty array of {\"key\", \"value\"}", fix);
        } else {
            for (int i = 0; i < headersNode.items().size(); i++) {
                HeaderValue value = headerValue(headersNode.items().get(i), where + ".headers[" + i + "]", when);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return when == null ? null : new HeaderRule(when, List.copyOf(values));
    }

    private HeaderValue headerValue(Node node, String where, When when) {
        String fix = "{\"key\": \"X-Frame-Options\", \"value\": \"DENY\"}";
        Map<String, Node> fields = entry(node, where, List.of("key", "value"), fix);
        if (fields == null) {
            return null;
        }
        String key = requiredString(fields, node, where, "key", fix);
        String value = requiredString(fields, node, where, "value", fix);
        if (key == null || value == null) {
            return null;
        }
        if (!isToken(key)) {
            problem(fields.get("key"), "`" + where + ".key` is \"" + key + "\", but a header name is a token (letters, digits, "
                    + "and !#$%&'*+-.^_`|~; no spaces or colons)", fix);
            return null;
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            problem(fields.get("value"), "`" + where + ".value` contains a line break or NUL, which a header value cannot hold", fix);
            return null;
        }
        Set<String> params = when == null ? Set.of() : paramNames(when);
        return new HeaderValue(key, ParamTemplate.compile(value, params));
    }

    private RedirectRule redirectRule(Node node, String where) {
        String fix = "{\"source\": \"/old/:slug\", \"destination\": \"/new/:slug\", \"permanent\": true}";
        Map<String, Node> fields = entry(node, where, REDIRECT_KEYS, fix);
        if (fields == null) {
            return null;
        }
        When when = when(fields, where);
        String destination = destination(fields, node, where, when, true);
        Node permanent = fields.get("permanent");
        Node statusCode = fields.get("statusCode");
        int status = 307;
        if (permanent != null && statusCode != null) {
            problem(statusCode, "`" + where + "` sets both `permanent` and `statusCode`; use one", "keep \"permanent\": true (308) or false (307), or only \"statusCode\"");
        } else if (statusCode != null) {
            if (statusCode.value() instanceof Number number && isWhole(number) && REDIRECT_STATUSES.contains(number.intValue())) {
                status = number.intValue();
            } else {
                problem(statusCode, "`" + where + ".statusCode` is " + statusCode.describe() + ", but it must be one of "
                        + REDIRECT_STATUSES, "\"permanent\": true gives 308, false gives 307; or \"statusCode\": 301");
            }
        } else if (permanent == null) {
            problem(node, "`" + where + "` needs `permanent`: true answers 308 (clients may cache it), false answers 307", "add \"permanent\": false");
        } else if (permanent.value() instanceof Boolean flag) {
            status = flag ? 308 : 307;
        } else {
            problem(permanent, "`" + where + ".permanent` is " + permanent.describe() + ", but it must be true or false", "\"permanent\": true");
        }
        if (when == null || destination == null) {
            return null;
        }
        return new RedirectRule(when, ParamTemplate.compile(prefixed(destination, fields), paramNames(when)), status);
    }

    private Rewrites rewrites(Node node) {
        if (node == null) {
            return Rewrites.NONE;
        }
        String fix = "\"rewrites\": [{\"source\": \"/blog/:slug\", \"destination\": \"/api/posts/:slug\"}]   "
                + "(or {\"beforeFiles\": [...], \"afterFiles\": [...], \"fallback\": [...]})";
        if (node.isArray()) {
            return new Rewrites(List.of(), list(node, "rewrites", fix, this::rewriteRule), List.of());
        }
        if (!node.isObject()) {
            problem(node, "`rewrites` is " + node.describe() + ", but it must be an array, or an object with beforeFiles, afterFiles and fallback", fix);
            return Rewrites.NONE;
        }
        Map<String, Node> phases = node.fields();
        unknownKeys("rewrites", phases, REWRITE_PHASES);
        return new Rewrites(list(phases.get("beforeFiles"), "rewrites.beforeFiles", fix, this::rewriteRule),
                list(phases.get("afterFiles"), "rewrites.afterFiles", fix, this::rewriteRule),
                list(phases.get("fallback"), "rewrites.fallback", fix, this::rewriteRule));
    }

    private RewriteRule rewriteRule(Node node, String where) {
        Map<String, Node> fields = entry(node, where, REWRITE_KEYS, "{\"source\": \"/blog/:slug\", \"destination\": \"/api/posts/:slug\"}");
        if (fields == null) {
            return null;
        }
        When when = when(fields, where);
        String destination = destination(fields, node, where, when, false);
        if (when == null || destination == null) {
            return null;
        }
        return new RewriteRule(when, ParamTemplate.compile(prefixed(destination, fields), paramNames(when)));
    }

    private CorsRule corsRule(Node node, String where) {
        String fix = "{\"source\": \"/api/:path*\", \"allowOrigins\": [\"https://app.example.com\"], \"allowMethods\": [\"GET\", \"POST\"]}";
        Map<String, Node> fields = entry(node, where, CORS_KEYS, fix);
        if (fields == null) {
            return null;
        }
        SourcePattern source = source(fields, node, where, true);
        List<String> origins = fields.containsKey("allowOrigins")
                ? list(fields.get("allowOrigins"), where + ".allowOrigins", fix, this::corsOrigin) : null;
        if (origins == null) {
            problem(node, "`" + where + ".allowOrigins` is missing: list the origins allowed to call these routes "
                    + "(CORS denies every other origin)", "\"allowOrigins\": [\"https://app.example.com\"]   (or [\"*\"] for any)");
        }
        List<String> methods = fields.containsKey("allowMethods")
                ? list(fields.get("allowMethods"), where + ".allowMethods", fix, this::corsMethod) : null;
        List<String> allowHeaders = list(fields.get("allowHeaders"), where + ".allowHeaders", "[\"Content-Type\", \"Authorization\"]", this::headerName);
        List<String> exposeHeaders = list(fields.get("exposeHeaders"), where + ".exposeHeaders", "[\"X-Request-Id\"]", this::headerName);
        boolean credentials = bool(fields, "allowCredentials", where + ".allowCredentials", false);
        Integer maxAge = null;
        Node maxAgeNode = fields.get("maxAge");
        if (maxAgeNode != null) {
            if (maxAgeNode.value() instanceof Number number && isWhole(number) && number.longValue() >= 0 && number.longValue() <= 86_400 * 365) {
                maxAge = number.intValue();
            } else {
                problem(maxAgeNode, "`" + where + ".maxAge` is " + maxAgeNode.describe() + ", but it must be a whole number of seconds >= 0", "\"maxAge\": 86400");
            }
        }
        if (credentials && origins != null && origins.contains("*")) {
            problem(fields.get("allowCredentials"), "`" + where + "` allows credentials for any origin (\"*\"): browsers refuse "
                    + "that, and it would let every site act as the signed-in user", "list the exact origins in `allowOrigins`, or set \"allowCredentials\": false");
        }
        if (source == null || origins == null) {
            return null;
        }
        return new CorsRule(new When(source, List.of(), List.of()), origins, methods, allowHeaders, exposeHeaders, credentials, maxAge);
    }

    private String corsOrigin(Node node, String where) {
        String fix = "an origin is scheme://host[:port] with no path, e.g. \"https://app.example.com\", or \"*\"";
        if (node.value() instanceof String origin) {
            if (origin.equals("*")) {
                return origin;
            }
            int schemeEnd = origin.indexOf("://");
            String rest = schemeEnd < 0 ? "" : origin.substring(schemeEnd + 3);
            if (schemeEnd > 0 && !rest.isEmpty() && !rest.contains("/") && !rest.contains("*")) {
                return origin.toLowerCase(Locale.ROOT);
            }
        }
        problem(node, "`" + where + "` is " + node.describe() + ", but it must be an origin or \"*\"", fix);
        return null;
    }

    private String corsMethod(Node node, String where) {
        if (node.value() instanceof String method && METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return method.toUpperCase(Locale.ROOT);
        }
        problem(node, "`" + where + "` is " + node.describe() + ", but it must be one of " + String.join(", ", METHODS), "\"allowMethods\": [\"GET\", \"POST\"]");
        return null;
    }

    private String headerName(Node node, String where) {
        if (node.value() instanceof String name && isToken(name)) {
            return name;
        }
        problem(node, "`" + where + "` is " + node.describe() + ", but it must be a header name", "e.g. \"Content-Type\"");
        return null;
    }

    // ---------------------------------------------------------------- shared parts of rules

    private When when(Map<String, Node> fields, String where) {
        SourcePattern source = source(fields, null, where, !isFalse(fields.get("basePath")));
        List<RequestCondition> has = list(fields.get("has"), where + ".has", CONDITION_FIX, this::condition);
        List<RequestCondition> missing = list(fields.get("missing"), where + ".missing", CONDITION_FIX, this::condition);
        Node basePathFlag = fields.get("basePath");
        if (basePathFlag != null && !isFalse(basePathFlag)) {
            problem(basePathFlag, "`" + where + ".basePath` is " + basePathFlag.describe() + ", but it can only be false "
                    + "(the rule then matches paths outside the app's basePath)", "remove it, or \"basePath\": false");
        }
        return source == null ? null : new When(source, has, missing);
    }

    private static final String CONDITION_FIX = "{\"type\": \"header\", \"key\": \"x-beta\", \"value\": \"1\"}   "
            + "(type: header | cookie | query | host; value optional, \"a|b\" for either)";

    private SourcePattern source(Map<String, Node> fields, Node owner, String where, boolean underBasePath) {
        Node node = fields.get("source");
        String fix = "\"source\": \"/api/:path*\"";
        if (node == null) {
            problem(owner == null ? firstNode(fields) : owner, "`" + where + ".source` is missing: the path pattern this rule applies to", fix);
            return null;
        }
        if (!(node.value() instanceof String text)) {
            problem(node, "`" + where + ".source` is " + node.describe() + ", but it must be a path pattern string", fix);
            return null;
        }
        String full = underBasePath && !basePath.isEmpty() ? basePath + (text.equals("/") ? "" : text) : text;
        try {
            return SourcePattern.compile(full.isEmpty() ? "/" : full);
        } catch (SourcePattern.InvalidPatternException e) {
            problem(node, "`" + where + ".source`: " + e.getMessage(), fix);
            return null;
        }
    }

    private String destination(Map<String, Node> fields, Node owner, String where, When when, boolean mayLeaveApp) {
        Node node = fields.get("destination");
        String fix = mayLeaveApp ? "\"destination\": \"/new/:slug\"   (or an absolute https:// URL)" : "\"destination\": \"/api/posts/:slug\"";
        if (node == null) {
            problem(owner, "`" + where + ".destination` is missing", fix);
            return null;
        }
        if (!(node.value() instanceof String destination) || destination.isEmpty()) {
            problem(node, "`" + where + ".destination` is " + node.describe() + ", but it must be a path or URL string", fix);
            return null;
        }
        boolean external = destination.startsWith("http://") || destination.startsWith("https://");
        if (!mayLeaveApp && (external || destination.startsWith("//"))) {
            problem(node, "`" + where + ".destination` is \"" + destination + "\": approute does not proxy; a rewrite serves "
                    + "another route of this app", "use a path such as \"/api/posts/:slug\", or a redirect (\"redirects\") to send clients to the other host");
            return null;
        }
        if (!external && !destination.startsWith("/")) {
            problem(node, "`" + where + ".destination` is \"" + destination + "\", but it must start with `/`"
                    + (mayLeaveApp ? ", http:// or https://" : ""), fix);
            return null;
        }
        if (destination.startsWith("//")) {
            problem(node, "`" + where + ".destination` starts with `//`, which browsers read as another host", "write the scheme: \"https://host/path\", or a path with one `/`");
            return null;
        }
        if (when != null) {
            String pathPart = pathPart(destination);
            List<String> unknown = ParamTemplate.unknownReferences(pathPart, paramNames(when));
            if (!unknown.isEmpty()) {
                problem(node, "`" + where + ".destination` uses " + String.join(", ", unknown) + ", which the source and `has` "
                        + "do not define (they define: " + (paramNames(when).isEmpty() ? "nothing" : String.join(", ", paramNames(when))) + ")",
                        "name the parameter in the source, e.g. \"/old/:slug\" -> \"/new/:slug\"");
                return null;
            }
        }
        return destination;
    }

    // The destination's path: after the authority of an absolute URL, before the query.
    private static String pathPart(String destination) {
        String rest = destination;
        int scheme = rest.indexOf("://");
        if (scheme > 0) {
            int slash = rest.indexOf('/', scheme + 3);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    private String prefixed(String destination, Map<String, Node> fields) {
        if (basePath.isEmpty() || !destination.startsWith("/") || isFalse(fields.get("basePath"))) {
            return destination;
        }
        return destination.equals("/") ? basePath : basePath + destination;
    }

    private RequestCondition condition(Node node, String where) {
        Map<String, Node> fields = entry(node, where, CONDITION_KEYS, CONDITION_FIX);
        if (fields == null) {
            return null;
        }
        Node typeNode = fields.get("type");
        RequestCondition.Type type = null;
        if (typeNode == null) {
            problem(node, "`" + where + ".type` is missing", CONDITION_FIX);
        } else if (typeNode.value() instanceof String text && RequestCondition.Type.NAMES.contains(text)) {
            type = RequestCondition.Type.valueOf(text.toUpperCase(Locale.ROOT));
        } else {
            problem(typeNode, "`" + where + ".type` is " + typeNode.describe() + ", but it must be one of \"header\", \"cookie\", \"query\", \"host\"", CONDITION_FIX);
        }
        Node keyNode = fields.get("key");
        String key = null;
        if (type == RequestCondition.Type.HOST) {
            if (keyNode != null) {
                problem(keyNode, "`" + where + "` has type \"host\", which takes no `key` (the host is matched by `value`)", "{\"type\": \"host\", \"value\": \"example.com\"}");
            }
        } else if (keyNode == null || !(keyNode.value() instanceof String text) || text.isEmpty()) {
            problem(keyNode == null ? node : keyNode, "`" + where + ".key` must be a non-empty string: the header, cookie or query name", CONDITION_FIX);
        } else {
            key = type == RequestCondition.Type.HEADER ? text.toLowerCase(Locale.ROOT) : text;
        }
        Node valueNode = fields.get("value");
        Set<String> values = null;
        if (valueNode != null) {
            values = conditionValues(valueNode, where, type == RequestCondition.Type.HOST);
        } else if (type == RequestCondition.Type.HOST) {
            problem(node, "`" + where + "` has type \"host\" without a `value`", "{\"type\": \"host\", \"value\": \"example.com\"}");
        }
        if (type == null || (type != RequestCondition.Type.HOST && key == null) || (valueNode != null && values == null)
                || (type == RequestCondition.Type.HOST && values == null)) {
            return null;
        }
        return new RequestCondition(type, key, values);
    }

    private Set<String> conditionValues(Node node, String where, boolean host) {
        if (!(node.value() instanceof String text)) {
            problem(node, "`" + where + ".value` is " + node.describe() + ", but it must be a string", CONDITION_FIX);
            return null;
        }
        for (char c : text.toCharArray()) {
            if ("()[]{}*+?^$\\".indexOf(c) >= 0) {
                problem(node, "`" + where + ".value` is \"" + text + "\": approute matches `value` as a literal, or literals "
                        + "separated by `|`; regex syntax such as ( ) [ ] * + ? ^ $ \\ is not supported (no regex runs per request)",
                        "list the exact values: \"value\": \"1|true\"; or check the value in the route handler");
                return null;
            }
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : text.split("\\|", -1)) {
            values.add(host ? value.toLowerCase(Locale.ROOT) : value);
        }
        return Set.copyOf(values);
    }

    private static Set<String> paramNames(When when) {
        Set<String> names = new LinkedHashSet<>(when.source().paramNames());
        for (RequestCondition condition : when.has()) {
            if (condition.values() == null || condition.type() == RequestCondition.Type.HOST) {
                names.add(condition.paramName());
            }
        }
        return names;
    }

    // ---------------------------------------------------------------- generic readers

    private interface ItemReader<T> {
        T read(Node node, String where);
    }

    private <T> List<T> list(Node node, String where, String fix, ItemReader<T> reader) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(node, "`" + where + "` is " + node.describe() + ", but it must be an array", fix);
            return List.of();
        }
        List<T> out = new ArrayList<>();
        List<Node> items = node.items();
        for (int i = 0; i < items.size(); i++) {
            T item = reader.read(items.get(i), where + "[" + i + "]");
            if (item != null) {
                out.add(item);
            }
        }
        return List.copyOf(out);
    }

    /** One entry of a list: an object with only {@code keys} (unknown ones reported); null when not an object. */
    private Map<String, Node> entry(Node node, String where, List<String> keys, String fix) {
        if (!node.isObject()) {
            problem(node, "`" + where + "` is " + node.describe() + ", but it must be an object", fix);
            return null;
        }
        unknownKeys(where, node.fields(), keys);
        return node.fields();
    }

    private boolean bool(Map<String, Node> fields, String key, String where, boolean fallback) {
        Node node = fields.get(key);
        if (node == null) {
            return fallback;
        }
        if (node.value() instanceof Boolean flag) {
            return flag;
        }
        problem(node, "`" + where + "` is " + node.describe() + ", but it must be true or false", "\"" + key + "\": " + !fallback);
        return fallback;
    }

    private String requiredString(Map<String, Node> fields, Node owner, String where, String key, String fix) {
        Node node = fields.get(key);
        if (node == null) {
            problem(owner, "`" + where + "." + key + "` is missing", fix);
            return null;
        }
        if (!(node.value() instanceof String text)) {
            problem(node, "`" + where + "." + key + "` is " + node.describe() + ", but it must be a string", fix);
            return null;
        }
        return text;
    }

    private void unknownKeys(String where, Map<String, Node> fields, List<String> allowed) {
        for (Map.Entry<String, Node> field : fields.entrySet()) {
            String key = field.getKey();
            if (allowed.contains(key)) {
                continue;
            }
            String suggestion = closest(key, allowed);
            String message = "unknown key `" + key + "` in " + (where.equals("approute.json") ? "approute.json" : "`" + where + "`")
                    + "; the keys are: " + String.join(", ", allowed.stream().filter(k -> !k.startsWith("$")).toList());
            String fix = suggestion != null ? "did you mean `" + suggestion + "`? rename it" : "remove `" + key + "` (see docs/config.md)";
            problem(field.getValue(), message, fix);
        }
    }

    private void problem(Node node, String message, String fix) {
        problems.add(new Problem(file, node == null ? 0 : node.line(), message, fix));
    }

    // ---------------------------------------------------------------- small helpers

    private static Node firstNode(Map<String, Node> fields) {
        return fields.isEmpty() ? null : fields.values().iterator().next();
    }

    private static boolean isFalse(Node node) {
        return node != null && Boolean.FALSE.equals(node.value());
    }

    private static boolean isWhole(Number number) {
        return number instanceof Integer || number instanceof Long || number instanceof Short
                || (number instanceof java.math.BigInteger big && big.bitLength() < 63);
    }

    /** RFC 9110 §5.1 token. */
    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (char c : name.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The allowed key a typo most likely meant (case-insensitive equal, or edit distance <= 2), or null. */
    static String closest(String key, List<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(key)) {
                return candidate;
            }
            int distance = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
