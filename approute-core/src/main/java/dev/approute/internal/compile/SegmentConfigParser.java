package dev.approute.internal.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.approute.internal.config.ByteSize;

/**
 * Checks the values of a route's segment-config fields and builds its {@link SegmentConfig}. Pure: the compiler
 * feeds it the compile-time constants javac computed, the loader the values read from the loaded class.
 *
 * <pre>{@code
 * var result = SegmentConfigParser.parse(Map.of("dynamic", "force-static", "revalidate", 60));
 * result.config().revalidate();   // 60
 * result.issues();                // []
 * }</pre>
 *
 * Values are Java constants: {@code String}, {@code Boolean}, boxed numbers, {@code Character}, or a {@code List}
 * for an array initializer. A key mapped to null means "declared, but not a constant". Unknown keys are ignored,
 * as Next.js's schema strips them.
 */
public final class SegmentConfigParser {
    /** The field names read as segment config, in the order Next.js's docs list them. */
    public static final List<String> NAMES =
            List.of("dynamic", "dynamicParams", "revalidate", "fetchCache", "runtime", "preferredRegion", "maxDuration", "bodySizeLimit");

    static final List<String> DYNAMIC = List.of("auto", "force-dynamic", "error", "force-static");
    static final List<String> FETCH_CACHE = List.of("auto", "default-cache", "only-cache", "force-cache",
            "force-no-store", "default-no-store", "only-no-store");
    static final List<String> RUNTIME = List.of("nodejs", "edge");

    /** One bad field: what is wrong (naming the field, the bad value and the allowed values) and how to fix it. */
    public record Issue(String field, String message, String fix) {
    }

    public record Result(SegmentConfig config, List<Issue> issues, List<String> warnings) {
        public boolean valid() {
            return issues.isEmpty();
        }
    }

    private SegmentConfigParser() {
    }

    public static boolean isConfigName(String name) {
        return NAMES.contains(name);
    }

    public static Result parse(Map<String, ?> values) {
        List<Issue> issues = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        SegmentConfig d = SegmentConfig.DEFAULTS;
        String dynamic = d.dynamic();
        boolean dynamicParams = d.dynamicParams();
        Integer revalidate = d.revalidate();
        String fetchCache = d.fetchCache();
        String runtime = d.runtime();
        List<String> preferredRegion = d.preferredRegion();
        Integer maxDuration = d.maxDuration();
        Long bodySizeLimit = d.bodySizeLimit();

        if (values.containsKey("dynamic")) {
            String value = oneOf("dynamic", values.get("dynamic"), DYNAMIC, issues);
            dynamic = value == null ? dynamic : value;
        }
        if (values.containsKey("dynamicParams")) {
            Object value = values.get("dynamicParams");
            if (value instanceof Boolean flag) {
                dynamicParams = flag;
            } else if (value != null) {
                issues.add(new Issue("dynamicParams", "`dynamicParams` is " + describe(value) + ", but it must be a boolean: true or false",
                        "static final boolean dynamicParams = false;"));
            } else {
                issues.add(notConstant("dynamicParams", "static final boolean dynamicParams = false;"));
            }
        }
        if (values.containsKey("revalidate")) {
            Object value = values.get("revalidate");
            String fix = "static final int revalidate = 60;   // seconds; or: static final boolean revalidate = false;";
            if (value == null) {
                issues.add(notConstant("revalidate", fix));
            } else if (Boolean.FALSE.equals(value)) {
                revalidate = null;
            } else if (isInteger(value) && ((Number) value).longValue() >= 0 && ((Number) value).longValue() <= Integer.MAX_VALUE) {
                revalidate = ((Number) value).intValue();
            } else {
                issues.add(new Issue("revalidate", "`revalidate` is " + describe(value)
                        + ", but it must be false or an int >= 0 (seconds; 0 = always dynamic)", fix));
            }
        }
        if (values.containsKey("fetchCache")) {
            String value = oneOf("fetchCache", values.get("fetchCache"), FETCH_CACHE, issues);
            fetchCache = value == null ? fetchCache : value;
        }
        if (values.containsKey("runtime")) {
            String value = oneOf("runtime", values.get("runtime"), RUNTIME, issues);
            if (value != null) {
                runtime = value;
                if (value.equals("edge")) {
                    warnings.add("runtime = \"edge\": approute runs every route on the JVM like \"nodejs\"; "
                            + "edge restrictions are not applied (Next.js also deprecates the edge runtime)");
                }
            }
        }
        if (values.containsKey("preferredRegion")) {
            Object value = values.get("preferredRegion");
            String fix = "static final String preferredRegion = \"auto\";   // or: static final String[] preferredRegion = {\"iad1\", \"sfo1\"};";
            if (value instanceof String region) {
                preferredRegion = List.of(region);
            } else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                preferredRegion = list.stream().map(String.class::cast).toList();
            } else if (value == null) {
                issues.add(notConstant("preferredRegion", fix));
            } else {
                issues.add(new Issue("preferredRegion", "`preferredRegion` is " + describe(value)
                        + ", but it must be a String or a String[] of region names", fix));
            }
            if (value != null) {
                warnings.add("preferredRegion is deprecated in Next.js and has no effect on approute (one JVM serves every region)");
            }
        }
        if (values.containsKey("maxDuration")) {
            Object value = values.get("maxDuration");
            String fix = "static final int maxDuration = 30;   // seconds";
            if (value == null) {
                issues.add(notConstant("maxDuration", fix));
            } else if (isInteger(value) && ((Number) value).longValue() >= 0 && ((Number) value).longValue() <= Integer.MAX_VALUE) {
                maxDuration = ((Number) value).intValue();
            } else {
                issues.add(new Issue("maxDuration", "`maxDuration` is " + describe(value) + ", but it must be an int >= 0 (seconds)", fix));
            }
        }
        if (values.containsKey("bodySizeLimit")) {
            Object value = values.get("bodySizeLimit");
            String fix = "static final String bodySizeLimit = \"50mb\";   // b, kb, mb, gb; or a long number of bytes";
            Long bytes = value instanceof String text ? ByteSize.parse(text)
                    : isInteger(value) ? Long.valueOf(((Number) value).longValue()) : null;
            if (value == null) {
                issues.add(notConstant("bodySizeLimit", fix));
            } else if (bytes == null || bytes <= 0) {
                issues.add(new Issue("bodySizeLimit", "`bodySizeLimit` is " + describe(value)
                        + ", but it must be a size such as \"50mb\" or \"500kb\", or a positive number of bytes", fix));
            } else {
                bodySizeLimit = bytes;
            }
        }
        if (issues.isEmpty()) {
            contradictions(dynamic, values.containsKey("revalidate"), revalidate, issues);
        }
        SegmentConfig config = new SegmentConfig(dynamic, dynamicParams, revalidate, fetchCache, runtime, preferredRegion, maxDuration,
                bodySizeLimit);
        return new Result(config, List.copyOf(issues), List.copyOf(warnings));
    }

    // Each field is valid alone, but together they ask for two different things: say which, rather than pick one.
    private static void contradictions(String dynamic, boolean revalidateSet, Integer revalidate, List<Issue> issues) {
        if (!revalidateSet || revalidate == null) {
            return;
        }
        if (dynamic.equals("force-dynamic") && revalidate > 0) {
            issues.add(new Issue("revalidate", "`revalidate = " + revalidate + "` contradicts `dynamic = \"force-dynamic\"`: "
                    + "a force-dynamic route runs its handler on every request, so there is nothing to revalidate",
                    "remove `revalidate` to stay dynamic, or remove `dynamic = \"force-dynamic\"` to cache GET for "
                            + revalidate + " s"));
        }
        if ((dynamic.equals("force-static") || dynamic.equals("error")) && revalidate == 0) {
            issues.add(new Issue("revalidate", "`revalidate = 0` contradicts `dynamic = \"" + dynamic + "\"`: "
                    + "0 renders on every request, while " + dynamic + " renders once and caches the result",
                    "remove `revalidate = 0` to cache until revalidated on demand, or set `static final int revalidate = 60;` "
                            + "to regenerate every 60 s"));
        }
    }

    /** The constant values of a {@link SegmentConfig}, as {@link #parse} takes them (for the manifest). */
    public static Map<String, Object> values(SegmentConfig config) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dynamic", config.dynamic());
        values.put("dynamicParams", config.dynamicParams());
        values.put("revalidate", config.revalidate() == null ? Boolean.FALSE : config.revalidate());
        values.put("fetchCache", config.fetchCache());
        values.put("runtime", config.runtime());
        values.put("preferredRegion", config.preferredRegion());
        if (config.maxDuration() != null) {
            values.put("maxDuration", config.maxDuration());
        }
        if (config.bodySizeLimit() != null) {
            values.put("bodySizeLimit", config.bodySizeLimit());
        }
        return values;
    }

    private static String oneOf(String field, Object value, List<String> allowed, List<Issue> issues) {
        String allowedText = String.join(" | ", allowed.stream().map(v -> '"' + v + '"').toList());
        if (value instanceof String text && allowed.contains(text)) {
            return text;
        }
        String example = "static final String " + field + " = \"" + suggest(value, allowed) + "\";";
        if (value == null) {
            issues.add(notConstant(field, example));
        } else {
            issues.add(new Issue(field, "`" + field + "` is " + describe(value) + ", but it must be one of " + allowedText, example));
        }
        return null;
    }

    private static Issue notConstant(String field, String fix) {
        return new Issue(field, "`" + field + "` must be a constant: approute reads segment config at build time, "
                + "so its initializer must be a literal or a constant expression (not null, not a method call)", fix);
    }

    /** The allowed value closest to a bad one: {@code static} → {@code force-static}, {@code force_dynamic} → {@code force-dynamic}. */
    private static String suggest(Object value, List<String> allowed) {
        if (value instanceof String text) {
            String normal = text.toLowerCase(Locale.ROOT).replace('_', '-').trim();
            for (String candidate : allowed) {
                if (candidate.equals(normal)) {
                    return candidate;
                }
            }
            for (String candidate : allowed) {
                if (!normal.isEmpty() && (candidate.endsWith(normal) || candidate.startsWith(normal))) {
                    return candidate;
                }
            }
        }
        return allowed.get(0);
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    /** {@code "static" (a String)}, {@code -1 (an int)}, {@code 1.5 (a double)}. */
    static String describe(Object value) {
        String type = switch (value) {
            case String s -> "a String";
            case Boolean b -> "a boolean";
            case Integer i -> "an int";
            case Long l -> "a long";
            case Short s -> "a short";
            case Byte b -> "a byte";
            case Double x -> "a double";
            case Float x -> "a float";
            case Character c -> "a char";
            case List<?> list -> "an array";
            default -> "a " + value.getClass().getSimpleName();
        };
        return render(value) + " (" + type + ")";
    }

    private static String render(Object value) {
        if (value instanceof String text) {
            return '"' + text + '"';
        }
        if (value instanceof Character c) {
            return "'" + c + "'";
        }
        if (value instanceof List<?> list) {
            return "{" + String.join(", ", list.stream().map(SegmentConfigParser::render).toList()) + "}";
        }
        return String.valueOf(value);
    }
}
