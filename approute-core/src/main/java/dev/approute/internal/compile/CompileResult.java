package dev.approute.internal.compile;

import java.util.List;

import dev.approute.internal.app.Problem;

/**
 * What {@link AppCompiler} produced: the routes whose classes were written, and every problem found, all at once.
 *
 * <pre>{@code
 * CompileResult result = new AppCompiler(layout).compileAll(entries);
 * result.problems().forEach(problem -> System.err.println(problem.format()));
 * }</pre>
 *
 * @param routes   routes that compiled and validated cleanly (a route with a problem is left out)
 * @param problems   javac errors and route-file mistakes, each with file, line and fix
 * @param middleware {@code middleware.java} when the app has one and it compiled cleanly, else null
 */
public record CompileResult(List<CompiledRoute> routes, List<Problem> problems, CompiledMiddleware middleware) {
    public CompileResult {
        routes = List.copyOf(routes);
        problems = List.copyOf(problems);
    }

    public CompileResult(List<CompiledRoute> routes, List<Problem> problems) {
        this(routes, problems, null);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
