package dev.approute.internal.compile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route file's segment config: its {@code static final} fields named as Next.js's exports.
 *
 * <pre>{@code
 * static final String dynamic = "force-static";
 * static final int revalidate = 60;          // or: static final boolean revalidate = false;
 * }</pre>
 *
 * @param revalidate    null for {@code false} (never revalidate), else seconds (0 = always dynamic)
 * @param maxDuration   seconds, or null when not set
 * @param bodySizeLimit bytes a request body to this route may have, or null for approute.json's {@code bodySizeLimit}
 */
public record SegmentConfig(String dynamic, boolean dynamicParams, Integer revalidate, String fetchCache,
                            String runtime, List<String> preferredRegion, Integer maxDuration, Long bodySizeLimit) {
    public static final SegmentConfig DEFAULTS = new SegmentConfig("auto", true, null, "auto", "nodejs", List.of("auto"), null, null);

    /** The shape {@code routes --json} prints. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dynamic", dynamic);
        json.put("dynamicParams", dynamicParams);
        json.put("revalidate", revalidate == null ? Boolean.FALSE : revalidate);
        json.put("fetchCache", fetchCache);
        json.put("runtime", runtime);
        json.put("preferredRegion", preferredRegion.size() == 1 ? preferredRegion.get(0) : preferredRegion);
        json.put("maxDuration", maxDuration);
        if (bodySizeLimit != null) {
            json.put("bodySizeLimit", bodySizeLimit);
        }
        return json;
    }
}
