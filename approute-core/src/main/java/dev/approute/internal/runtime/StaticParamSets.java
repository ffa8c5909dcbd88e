package dev.approute.internal.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.approute.Params;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.router.RoutePattern;
import dev.approute.internal.router.Segment;
import dev.approute.internal.util.PercentEncoding;

/** What a route's {@code generateStaticParams()} returns, as params and as the URL paths they make. */
final class StaticParamSets {
    private StaticParamSets() {
    }

    /** The param sets, or an empty list when the route has no {@code generateStaticParams}. */
    static List<Params> of(RouteModule module) {
        if (module.staticParams() == null) {
            return List.of();
        }
        List<?> generated;
        try {
            generated = module.staticParams().generate();
        } catch (Throwable failure) {
            throw new IllegalStateException(module.entry().file() + ": generateStaticParams() threw " + failure, failure);
        }
        List<Params> sets = new ArrayList<>();
        for (Object item : generated == null ? List.of() : generated) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalStateException(module.entry().file() + ": generateStaticParams() must return a List of Maps "
                        + "(param name to String, or List<String> for a catch-all), got " + item);
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> values = (Map<String, ?>) map;
            sets.add(Params.of(values));
        }
        return sets;
    }

    /** The allowed param sets when {@code dynamicParams = false} (no generateStaticParams: none), else null (any). */
    static Set<Params> allowedOnly(RouteModule module) {
        return module.config().dynamicParams() ? null : new LinkedHashSet<>(of(module));
    }

    /** The URL path of {@code pattern} with {@code params} filled in, each segment percent-encoded. */
    static String path(RoutePattern pattern, Params params) {
        StringBuilder path = new StringBuilder();
        for (Segment segment : pattern.segments()) {
            switch (segment.kind()) {
                case STATIC -> path.append('/').append(PercentEncoding.encodeSegment(segment.value()));
                case DYNAMIC -> path.append('/').append(PercentEncoding.encodeSegment(require(params, segment)));
                case CATCH_ALL, OPTIONAL_CATCH_ALL -> params.getAll(segment.value())
                        .forEach(piece -> path.append('/').append(PercentEncoding.encodeSegment(piece)));
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private static String require(Params params, Segment segment) {
        String value = params.get(segment.value());
        if (value == null) {
            throw new IllegalStateException("generateStaticParams() gave no value for [" + segment.value() + "]");
        }
        return value;
    }
}
