package dev.approute.internal.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import dev.approute.Cors;
import dev.approute.Request;
import dev.approute.Response;
import dev.approute.RouteContext;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;
import dev.approute.internal.router.EntryKind;

/**
 * Loads compiled routes and binds their handlers once; no compiler needed (this is what {@code start} runs).
 *
 * <pre>
 * core's loader (dev.approute)
 *   └─ src loader      .approute/classes/src       shared by every route
 *        ├─ route loader  approute.routes.api.items._slug_   one per route folder: dev swaps one
 *        └─ route loader  approute.routes.hello
 * </pre>
 *
 * Each handler becomes a {@link RouteHandler} over a {@link MethodHandle} adapted at load time to
 * {@code (Request, RouteContext) -> Object}, whichever of the three signatures it declares: no reflection per request.
 *
 * <pre>{@code
 * RouteLoader loader = new RouteLoader(layout.classesDir());
 * LoadResult loaded = loader.load(compileResult.routes());
 * RouteModule module = loader.reload(recompiled);     // dev: a new loader for one folder
 * }</pre>
 */
public final class RouteLoader {
    private static final MethodType HANDLER_TYPE = MethodType.methodType(Object.class, Request.class, RouteContext.class);

    private final Path classesRoot;
    private final ClassLoader srcLoader;

    /** @param classesRoot the build's classes directory ({@link AppLayout#classesDir()}), holding {@code src/} and {@code routes/} */
    public RouteLoader(Path classesRoot) {
        this.classesRoot = classesRoot.toAbsolutePath().normalize();
        Path srcClasses = this.classesRoot.resolve("src");
        ClassLoader core = RouteLoader.class.getClassLoader();
        try {
            URL[] urls = Files.isDirectory(srcClasses) ? new URL[] {srcClasses.toUri().toURL()} : new URL[0];
            this.srcLoader = new URLClassLoader("approute-src", urls, core);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Bad classes directory " + srcClasses, e);
        }
    }

    /** {@link #load(List)} with an explicit classes root (a new loader for it). */
    public static LoadResult load(List<CompiledRoute> routes, Path classesRoot) {
        return new RouteLoader(classesRoot).load(routes);
    }

    /**
     * Loads each route folder in its own class loader under the shared src loader; the entries of one folder
     * ({@code route.java}, {@code sitemap.java}, ...) share its loader, so its helper classes exist once.
     */
    public LoadResult load(List<CompiledRoute> routes) {
        List<RouteModule> modules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<Path, RouteClassLoader> loaders = new HashMap<>();
        for (CompiledRoute route : routes) {
            try {
                Path dir = classesDirOf(route);
                RouteClassLoader loader = loaders.computeIfAbsent(dir.resolve(route.packageName().replace('.', '/')),
                        key -> new RouteClassLoader(route.packageName(), dir, srcLoader));
                modules.add(load(route, loader));
            } catch (RouteLoadException e) {
                problems.add(e.problem);
            }
        }
        return new LoadResult(modules, problems);
    }

    /**
     * Loads one route in a new class loader (the previous one becomes garbage once nothing uses its handlers).
     *
     * @throws RouteLoadException with a problem naming the route file when the class is missing or broken
     */
    public RouteModule reload(CompiledRoute route) {
        return load(route, new RouteClassLoader(route.packageName(), classesDirOf(route), srcLoader));
    }

    /**
     * Loads {@code middleware.java}'s class in its own class loader under the src loader, and binds it.
     *
     * @throws RouteLoadException with a problem naming middleware.java (and the matcher's line) when it cannot be used
     */
    public MiddlewareModule loadMiddleware(CompiledMiddleware middleware) {
        Path dir = middleware.classesDir() != null ? middleware.classesDir() : classesRoot.resolve("routes");
        RouteClassLoader loader = new RouteClassLoader(CompiledMiddleware.PACKAGE, dir, srcLoader);
        Class<?> type = loadClass(loader, middleware.className(), middleware.file());
        return MiddlewareBinder.bind(middleware, type, lookupIn(type, middleware.file()));
    }

    private Path classesDirOf(CompiledRoute route) {
        return route.classesDir() != null ? route.classesDir() : classesRoot.resolve("routes");
    }

    private static Class<?> loadClass(RouteClassLoader loader, String className, Path file) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RouteLoadException(new Problem(file, 0, "the compiled class " + className + " cannot be loaded: " + e,
                    "run ./approute build again"));
        }
    }

    private static MethodHandles.Lookup lookupIn(Class<?> type, Path file) {
        Module core = RouteLoader.class.getModule();
        if (core.isNamed()) {
            core.addReads(type.getModule());
        }
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new RouteLoadException(new Problem(file, 0, "cannot access " + type.getName() + ": " + e.getMessage(), null));
        }
    }

    private RouteModule load(CompiledRoute route, RouteClassLoader loader) {
        Path file = route.entry().file();
        Class<?> type = loadClass(loader, route.className(), file);
        MethodHandles.Lookup lookup = lookupIn(type, file);
        if (route.entry().kind() == EntryKind.METADATA) {
            return MetadataBinder.bind(route, type, lookup, readConfig(type, lookup, file));
        }
        Map<HttpMethod, RouteHandler> handlers = new EnumMap<>(HttpMethod.class);
        Method[] methods = type.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            HttpMethod verb = HttpMethod.of(method.getName());
            if (verb == null || !Modifier.isStatic(method.getModifiers()) || method.isSynthetic() || !handlerShape(method)) {
                continue;
            }
            try {
                handlers.put(verb, bind(lookup.unreflect(method)));
            } catch (IllegalAccessException e) {
                throw new RouteLoadException(new Problem(file, 0, "cannot bind " + verb + ": " + e.getMessage(), null));
            }
        }
        // First: reading it runs the class initializer, whose Cors mistakes should be reported as such.
        Cors cors = corsPolicy(type, lookup, file);
        SegmentConfigParser.Result config = readConfig(type, lookup, file);
        RouteModule.StaticParams staticParams = staticParams(type, lookup, file);
        return new RouteModule(route.entry(), route.className(), Map.copyOf(handlers), config.config(),
                withParamWarnings(config, route.entry().pattern().isDynamic(), staticParams != null), staticParams, null, cors);
    }

    // dynamicParams = false is only meaningful beside dynamic segments and a generateStaticParams() to list them.
    private static List<String> withParamWarnings(SegmentConfigParser.Result config, boolean dynamicSegments, boolean staticParams) {
        if (config.config().dynamicParams()) {
            return config.warnings();
        }
        List<String> warnings = new ArrayList<>(config.warnings());
        if (!dynamicSegments) {
            warnings.add("dynamicParams = false has no effect: this route has no dynamic segment");
        } else if (!staticParams) {
            warnings.add("dynamicParams = false without generateStaticParams(): every request to this route is a 404; "
                    + "add `static List<Map<String, String>> generateStaticParams()` listing the params that exist");
        }
        return List.copyOf(warnings);
    }

    /** {@code static List<...> generateStaticParams()} bound once, or null when the route has none. */
    private static RouteModule.StaticParams staticParams(Class<?> type, MethodHandles.Lookup lookup, Path file) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals("generateStaticParams") && Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0 && List.class.isAssignableFrom(method.getReturnType())) {
                try {
                    MethodHandle handle = lookup.unreflect(method).asType(MethodType.methodType(List.class));
                    return () -> (List<?>) handle.invokeExact();
                } catch (IllegalAccessException e) {
                    throw new RouteLoadException(new Problem(file, 0, "cannot bind generateStaticParams: " + e.getMessage(), null));
                }
            }
        }
        return null;
    }

    /** The handler as {@code (Request, RouteContext) -> Object}, whichever of the three parameter lists it has. */
    static RouteHandler bind(MethodHandle handle) {
        MethodHandle adapted = switch (handle.type().parameterCount()) {
            case 0 -> MethodHandles.dropArguments(handle, 0, Request.class, RouteContext.class);
            case 1 -> MethodHandles.dropArguments(handle, 1, RouteContext.class);
            default -> handle;
        };
        MethodHandle exact = adapted.asType(HANDLER_TYPE);
        return (request, context) -> (Object) exact.invokeExact(request, context);
    }

    private static boolean handlerShape(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean params = parameters.length == 0
                || parameters.length == 1 && parameters[0] == Request.class
                || parameters.length == 2 && parameters[0] == Request.class && parameters[1] == RouteContext.class;
        Class<?> returns = method.getReturnType();
        return params && (returns == Response.class || CompletionStage.class.isAssignableFrom(returns));
    }

    /** The route's {@code static final Cors cors} (approute's per-route CORS policy), or null when it declares none. */
    private static Cors corsPolicy(Class<?> type, MethodHandles.Lookup lookup, Path file) {
        Field field;
        try {
            field = type.getDeclaredField("cors");
        } catch (NoSuchFieldException none) {
            return null;
        }
        String fix = "static final Cors cors = Cors.allowOrigins(\"https://app.example.com\");";
        int modifiers = field.getModifiers();
        if (field.getType() != Cors.class || !Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
            throw new RouteLoadException(new Problem(file, 0, "a field named `cors` is the route's CORS policy, so it must be "
                    + "`static final Cors cors`", fix));
        }
        try {
            Cors cors = (Cors) lookup.unreflectGetter(field).invoke();
            if (cors == null) {
                throw new RouteLoadException(new Problem(file, 0, "`cors` is null", fix));
            }
            return cors;
        } catch (RouteLoadException e) {
            throw e;
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RouteLoadException(new Problem(file, 0, "the CORS policy is invalid: " + cause.getMessage(), fix));
        } catch (Throwable e) {
            throw new RouteLoadException(new Problem(file, 0, "cannot read `cors`: " + e, fix));
        }
    }

    private static SegmentConfigParser.Result readConfig(Class<?> type, MethodHandles.Lookup lookup, Path file) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!SegmentConfigParser.isConfigName(field.getName()) || !Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
                continue;
            }
            try {
                Object value = lookup.unreflectGetter(field).invoke();
                if (value instanceof String[] array) {
                    value = List.of(array);
                }
                values.put(field.getName(), value);
            } catch (Throwable e) {
                throw new RouteLoadException(new Problem(file, 0, "cannot read segment config `" + field.getName() + "`: " + e, null));
            }
        }
        SegmentConfigParser.Result result = SegmentConfigParser.parse(values);
        if (!result.valid()) {
            SegmentConfigParser.Issue issue = result.issues().get(0);
            throw new RouteLoadException(new Problem(file, 0, issue.message(), issue.fix()));
        }
        return result;
    }

    /** A route that cannot be loaded, with the problem to show. */
    public static final class RouteLoadException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        RouteLoadException(Problem problem) {
            super(problem.format());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Defines the classes of one synthetic package from {@code dir}; everything else comes from the parent. */
    private static final class RouteClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final String packageName;
        private final Path dir;

        RouteClassLoader(String packageName, Path dir, ClassLoader parent) {
            super("approute-route:" + packageName, parent);
            this.packageName = packageName;
            this.dir = dir;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            int dot = name.lastIndexOf('.');
            if (dot < 0 || !name.substring(0, dot).equals(packageName)) {
                throw new ClassNotFoundException(name);
            }
            Path file = dir.resolve(name.replace('.', '/') + ".class");
            try {
                byte[] bytes = Files.readAllBytes(file);
                return defineClass(name, bytes, 0, bytes.length);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new ClassNotFoundException(name + " (no " + file + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
