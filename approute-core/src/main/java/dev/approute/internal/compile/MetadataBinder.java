package dev.approute.internal.compile;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.approute.ImageResponse;
import dev.approute.MetadataRoute;
import dev.approute.Navigation;
import dev.approute.Response;
import dev.approute.RouteContext;
import dev.approute.internal.app.Problem;
import dev.approute.internal.metadata.ManifestJson;
import dev.approute.internal.metadata.MetadataKind;
import dev.approute.internal.metadata.RobotsTxt;
import dev.approute.internal.metadata.SitemapXml;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.RoutePattern;
import dev.approute.internal.router.Segment;
import dev.approute.internal.router.SegmentKind;

/**
 * Binds a loaded metadata route ({@code sitemap.java}, {@code robots.java}, {@code manifest.java}, an image) into a
 * {@link RouteModule} whose GET calls the file's method once per render, through a {@link MethodHandle} bound here, and
 * answers as Next.js's metadata route loader does:
 *
 * <pre>
 * sitemap()   → sitemaps.org XML        application/xml              Cache-Control: public, max-age=0, must-revalidate
 * robots()    → robots.txt              text/plain                   (same)
 * manifest()  → manifest JSON           application/manifest+json    (same)
 * icon(), image() → the Response they return (ImageResponse: image/png, same Cache-Control)
 * </pre>
 *
 * Metadata routes are static by default: {@code dynamic = "auto"} without {@code revalidate} becomes
 * {@code force-static}, so the cache and {@code build}'s prerender serve them. A sitemap with
 * {@code generateSitemaps()} moves to {@code <folder>/sitemap/[__metadata_id__]}, where the id arrives as
 * {@code <id>.xml} and an id the method does not list is a 404.
 */
final class MetadataBinder {
    /** Next's param name for generated metadata ids. */
    static final String ID_PARAM = "__metadata_id__";
    private static final MethodType SUPPLIER = MethodType.methodType(Object.class);
    private static final MethodType IMAGE = MethodType.methodType(Object.class, RouteContext.class);

    private MetadataBinder() {
    }

    static RouteModule bind(CompiledRoute route, Class<?> type, MethodHandles.Lookup lookup, SegmentConfigParser.Result config) {
        Path file = route.entry().file();
        MetadataKind kind = MetadataKind.of(file.getFileName().toString());
        MethodHandle ids = kind == MetadataKind.SITEMAP ? handle(type, lookup, MetadataValidator.GENERATE_SITEMAPS, file) : null;
        MethodHandle method = handle(type, lookup, kind.methodName(), file);
        if (method == null) {
            throw new RouteLoader.RouteLoadException(new Problem(file, 0, "the compiled class " + route.className() + " has no static "
                    + kind.methodName() + "() method", "run ./approute build again"));
        }
        RouteHandler get = kind.isImage() ? image(method, kind) : ids != null ? sitemaps(method.asType(MethodType.methodType(Object.class, String.class)),
                ids.asType(SUPPLIER)) : text(method.asType(SUPPLIER), kind);
        AppEntry entry = ids == null ? route.entry() : withIdSegment(route.entry());
        RouteModule.StaticParams staticParams = ids == null ? null : () -> {
            List<Map<String, String>> params = new ArrayList<>();
            for (String id : sitemapIds(ids.asType(SUPPLIER))) {
                params.add(Map.of(ID_PARAM, id + ".xml"));
            }
            return params;
        };
        return new RouteModule(entry, route.className(), Map.of(HttpMethod.GET, get), staticByDefault(config.config()),
                config.warnings(), staticParams, describe(kind, type, lookup, file), null);
    }

    /** Next: a metadata route is static unless its config (or a dynamic API, which approute cannot see) says otherwise. */
    static SegmentConfig staticByDefault(SegmentConfig config) {
        if (!"auto".equals(config.dynamic()) || config.revalidate() != null) {
            return config;
        }
        return new SegmentConfig("force-static", config.dynamicParams(), null, config.fetchCache(), config.runtime(),
                config.preferredRegion(), config.maxDuration(), config.bodySizeLimit());
    }

    private static RouteHandler text(MethodHandle method, MetadataKind kind) {
        return (request, context) -> textResponse(kind, (Object) method.invokeExact());
    }

    private static RouteHandler sitemaps(MethodHandle sitemap, MethodHandle ids) {
        return (request, context) -> {
            String requested = context.params().get(ID_PARAM);
            String id = requested != null && requested.endsWith(".xml") ? requested.substring(0, requested.length() - 4) : null;
            if (id == null || !sitemapIds(ids).contains(id)) {
                return Navigation.notFound();
            }
            return textResponse(MetadataKind.SITEMAP, (Object) sitemap.invokeExact(id));
        };
    }

    private static RouteHandler image(MethodHandle method, MetadataKind kind) {
        MethodHandle adapted = method.type().parameterCount() == 0
                ? MethodHandles.dropArguments(method, 0, RouteContext.class).asType(IMAGE) : method.asType(IMAGE);
        return (request, context) -> {
            Object result = (Object) adapted.invokeExact(context);
            if (!(result instanceof Response)) {
                throw new IllegalStateException(kind.methodName() + "() returned null instead of a Response (e.g. ImageResponse.png(...))");
            }
            return result;
        };
    }

    private static Response textResponse(MetadataKind kind, Object data) {
        if (data == null) {
            throw new IllegalStateException(kind.methodName() + "() returned null instead of " + kind.returns());
        }
        String body = switch (kind) {
            case SITEMAP -> SitemapXml.render((List<?>) data);
            case ROBOTS -> RobotsTxt.render((MetadataRoute.Robots) data);
            case MANIFEST -> ManifestJson.render((MetadataRoute.Manifest) data);
            default -> throw new IllegalArgumentException(kind + " is an image");
        };
        return Response.bytes(body.getBytes(StandardCharsets.UTF_8),
                init -> init.contentType(kind.textContentType()).header("cache-control", MetadataKind.CACHE_CONTROL));
    }

    /** What {@code generateSitemaps()} returns, as ids: each item itself, or its {@code "id"} when it is a Map (Next's shape). */
    private static List<String> sitemapIds(MethodHandle ids) throws Throwable {
        Object result = (Object) ids.invokeExact();
        if (!(result instanceof List<?> items)) {
            throw new IllegalStateException("generateSitemaps() returned " + result + " instead of a List of ids");
        }
        List<String> out = new ArrayList<>(items.size());
        for (Object item : items) {
            Object id = item instanceof Map<?, ?> map ? map.get("id") : item;
            if (id == null) {
                throw new IllegalStateException("generateSitemaps() returned a null id: every sitemap needs one");
            }
            out.add(id.toString());
        }
        return out;
    }

    /** {@code /products/sitemap.xml} → {@code /products/sitemap/[__metadata_id__]}. */
    private static AppEntry withIdSegment(AppEntry entry) {
        List<Segment> segments = new ArrayList<>(entry.pattern().segments());
        segments.set(segments.size() - 1, new Segment(SegmentKind.STATIC, MetadataKind.SITEMAP.baseName()));
        segments.add(new Segment(SegmentKind.DYNAMIC, ID_PARAM));
        String appPath = entry.appPath().substring(0, entry.appPath().lastIndexOf("/sitemap.xml/route"))
                + "/sitemap/[" + ID_PARAM + "]/route";
        return new AppEntry(entry.kind(), entry.file(), appPath, RoutePattern.of(segments));
    }

    private static MethodHandle handle(Class<?> type, MethodHandles.Lookup lookup, String name, Path file) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()) {
                try {
                    return lookup.unreflect(method);
                } catch (IllegalAccessException e) {
                    throw new RouteLoader.RouteLoadException(new Problem(file, 0, "cannot bind " + name + "(): " + e.getMessage(), null));
                }
            }
        }
        return null;
    }

    private static RouteModule.Metadata describe(MetadataKind kind, Class<?> type, MethodHandles.Lookup lookup, Path file) {
        if (!kind.isImage()) {
            return new RouteModule.Metadata(kind, null, null, null);
        }
        return new RouteModule.Metadata(kind, constant(type, lookup, "size", ImageResponse.Size.class, file),
                constant(type, lookup, "contentType", String.class, file), constant(type, lookup, "alt", String.class, file));
    }

    private static <T> T constant(Class<?> type, MethodHandles.Lookup lookup, String name, Class<T> valueType, Path file) {
        try {
            Field field = type.getDeclaredField(name);
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != valueType) {
                return null;
            }
            return valueType.cast(lookup.unreflectGetter(field).invoke());
        } catch (NoSuchFieldException e) {
            return null;
        } catch (Throwable e) {
            throw new RouteLoader.RouteLoadException(new Problem(file, 0, "cannot read `" + name + "`: " + e, null));
        }
    }
}
