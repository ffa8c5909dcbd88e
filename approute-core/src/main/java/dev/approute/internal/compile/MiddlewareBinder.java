package dev.approute.internal.compile;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.approute.Matcher;
import dev.approute.Next;
import dev.approute.Request;
import dev.approute.Response;
import dev.approute.internal.app.Problem;
import dev.approute.internal.compile.RouteLoader.RouteLoadException;

/**
 * Binds a loaded {@code middleware.java}: {@code handle} through a {@link MethodHandle} adapted once to
 * {@code (Request, Next) -> Object}, and its {@code matcher} read once (which runs the class initializer, so a
 * mistaken {@code Matcher.source(...)} is reported here with the file and the field's line).
 */
final class MiddlewareBinder {
    private static final MethodType HANDLER_TYPE = MethodType.methodType(Object.class, Request.class, Next.class);
    private static final String MATCHER_FIX = "static final String[] matcher = {\"/api/:path*\"}; or remove `matcher` to run on every path";

    private MiddlewareBinder() {
    }

    static MiddlewareModule bind(CompiledMiddleware compiled, Class<?> type, MethodHandles.Lookup lookup) {
        Path file = compiled.file();
        MiddlewareHandler handler = handler(type, lookup, file);
        return new MiddlewareModule(file, compiled.className(), handler, matchers(type, lookup, file, compiled.matcherLine()));
    }

    private static MiddlewareHandler handler(Class<?> type, MethodHandles.Lookup lookup, Path file) {
        Method method;
        try {
            method = type.getDeclaredMethod("handle", Request.class, Next.class);
        } catch (NoSuchMethodException e) {
            method = null;
        }
        if (method == null || !Modifier.isStatic(method.getModifiers()) || method.getReturnType() != Response.class) {
            throw new RouteLoadException(new Problem(file, 0, "the compiled class " + type.getName() + " has no "
                    + MiddlewareValidator.SIGNATURE, "run ./approute build again"));
        }
        try {
            MethodHandle exact = lookup.unreflect(method).asType(HANDLER_TYPE);
            return (request, next) -> (Object) exact.invokeExact(request, next);
        } catch (IllegalAccessException e) {
            throw new RouteLoadException(new Problem(file, 0, "cannot bind handle: " + e.getMessage(), null));
        }
    }

    /** The matcher's entries; empty (every path) when the class declares none. */
    private static List<Matcher> matchers(Class<?> type, MethodHandles.Lookup lookup, Path file, int line) {
        Field field;
        try {
            field = type.getDeclaredField("matcher");
        } catch (NoSuchFieldException none) {
            return List.of();
        }
        Object value;
        try {
            value = lookup.unreflectGetter(field).invoke();
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RouteLoadException(new Problem(file, line, "the matcher is invalid: " + cause.getMessage(), MATCHER_FIX));
        } catch (Throwable e) {
            throw new RouteLoadException(new Problem(file, line, "cannot read `matcher`: " + e, MATCHER_FIX));
        }
        List<Matcher> matchers = new ArrayList<>();
        try {
            switch (value) {
                case String source -> matchers.add(Matcher.source(source));
                case String[] sources -> {
                    for (String source : sources) {
                        matchers.add(Matcher.source(source));
                    }
                }
                case Matcher matcher -> matchers.add(matcher);
                case Matcher[] array -> {
                    for (Matcher matcher : array) {
                        if (matcher == null) {
                            throw new RouteLoadException(new Problem(file, line, "`matcher` has a null entry", MATCHER_FIX));
                        }
                        matchers.add(matcher);
                    }
                }
                case null -> throw new RouteLoadException(new Problem(file, line, "`matcher` is null", MATCHER_FIX));
                default -> throw new RouteLoadException(new Problem(file, line, "`matcher` is a " + value.getClass().getSimpleName()
                        + "; it must be a String, String[], Matcher or Matcher[]", MATCHER_FIX));
            }
        } catch (IllegalArgumentException invalid) {
            throw new RouteLoadException(new Problem(file, line, "the matcher is invalid: " + invalid.getMessage(), MATCHER_FIX));
        }
        if (matchers.isEmpty()) {
            throw new RouteLoadException(new Problem(file, line, "`matcher` is empty, so the middleware would never run", MATCHER_FIX));
        }
        return matchers;
    }
}
