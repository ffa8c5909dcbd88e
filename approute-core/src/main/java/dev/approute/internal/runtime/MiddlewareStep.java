package dev.approute.internal.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.approute.Condition;
import dev.approute.Matcher;
import dev.approute.internal.compile.MiddlewareHandler;
import dev.approute.internal.compile.MiddlewareModule;
import dev.approute.internal.config.AppConfig.When;
import dev.approute.internal.config.RequestCondition;
import dev.approute.internal.config.RequestFacts;
import dev.approute.internal.config.SourcePattern;

/**
 * {@code middleware.java} as the dispatcher runs it: the bound handler, and its matcher compiled once into segment
 * matchers with the router's comparison ({@link SourcePattern#compileAsRouter}) and has/missing conditions.
 *
 * <pre>{@code
 * MiddlewareStep step = MiddlewareStep.of(loader.loadMiddleware(compiled));
 * step.appliesTo("/api/items", facts);   // the path without basePath, as the route table sees it
 * }</pre>
 */
public final class MiddlewareStep {
    private final MiddlewareModule module;
    private final List<When> matchers;

    private MiddlewareStep(MiddlewareModule module, List<When> matchers) {
        this.module = module;
        this.matchers = matchers;
    }

    public static MiddlewareStep of(MiddlewareModule module) {
        List<When> matchers = new ArrayList<>();
        for (Matcher matcher : module.matchers()) {
            SourcePattern source;
            try {
                source = SourcePattern.compileAsRouter(matcher.sourceText());
            } catch (SourcePattern.InvalidPatternException e) {
                // Matcher.source compiled it the same way when the class loaded
                throw new IllegalStateException(e.getMessage(), e);
            }
            matchers.add(new When(source, conditions(matcher.hasConditions()), conditions(matcher.missingConditions())));
        }
        return new MiddlewareStep(module, List.copyOf(matchers));
    }

    private static List<RequestCondition> conditions(List<Condition> conditions) {
        return conditions.stream().map(condition -> new RequestCondition(RequestCondition.Type.valueOf(condition.type().name()),
                condition.key(), condition.values().isEmpty() ? null : Set.copyOf(condition.values()))).toList();
    }

    /**
     * Whether the middleware runs for a request: no matcher, or an entry whose source matches and whose conditions hold.
     *
     * @param appPath the canonical path without basePath: exactly what the route table matches (every escape in it
     *                decodes: the canonical step answered 400 otherwise)
     */
    public boolean appliesTo(String appPath, RequestFacts request) {
        if (matchers.isEmpty()) {
            return true;
        }
        for (When matcher : matchers) {
            if (matcher.match(appPath, request) != null) {
                return true;
            }
        }
        return false;
    }

    MiddlewareHandler handler() {
        return module.handler();
    }

    /** middleware.java, for messages. */
    Path file() {
        return module.file();
    }
}
