package dev.approute.internal.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;

import dev.approute.Matcher;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;

/**
 * Checks an analysed {@code middleware.java} with javac's Trees API: one top-level class with
 * {@code static Response handle(Request request, Next next)}, and an optional {@code static final} {@code matcher} of
 * type {@code String}, {@code String[]}, {@code Matcher} or {@code Matcher[]} whose constant sources are valid. Each
 * mistake is a {@link Problem} with its line and the fix.
 */
final class MiddlewareValidator {
    static final String FILE_NAME = "middleware.java";
    static final String SIGNATURE = "static Response handle(Request request, Next next)";
    static final String EXAMPLE = SIGNATURE + " { return next.next(); }";
    private static final Set<String> NEXT_NAMES = Set.of("middleware", "proxy");

    record Outcome(String className, int matcherLine, List<Problem> problems) {
    }

    private final Trees trees;
    private final Types types;
    private final TypeMirror request;
    private final TypeMirror next;
    private final TypeMirror response;
    private final List<TypeMirror> matcherTypes;

    MiddlewareValidator(JavacTask task) {
        this.trees = Trees.instance(task);
        this.types = task.getTypes();
        Elements elements = task.getElements();
        this.request = RouteValidator.type(elements, "dev.approute.Request");
        this.next = RouteValidator.type(elements, "dev.approute.Next");
        this.response = RouteValidator.type(elements, "dev.approute.Response");
        TypeMirror string = RouteValidator.type(elements, "java.lang.String");
        TypeMirror matcher = RouteValidator.type(elements, "dev.approute.Matcher");
        this.matcherTypes = List.of(string, types.getArrayType(string), matcher, types.getArrayType(matcher));
    }

    /** Middleware files in places approute does not read them: said at once rather than silently ignored. */
    static List<Problem> misplaced(AppLayout layout) {
        List<Problem> problems = new ArrayList<>();
        String fix = "move it to " + FILE_NAME + " at the app root, beside app/";
        for (Path wrong : List.of(layout.appDir().resolve(FILE_NAME), layout.srcDir().resolve(FILE_NAME))) {
            if (Files.isRegularFile(wrong)) {
                problems.add(new Problem(layout.relative(wrong), 0, "approute reads middleware only from " + FILE_NAME
                        + " at the app root; this file would not run", fix));
            }
        }
        Path proxy = layout.root().resolve("proxy.java");
        if (Files.isRegularFile(proxy)) {
            problems.add(new Problem(layout.relative(proxy), 0, "Next.js 16 calls middleware `proxy`; approute's file is "
                    + FILE_NAME + ", so proxy.java would not run", "rename it to " + FILE_NAME));
        }
        return problems;
    }

    Outcome validate(CompilationUnitTree unit, Path file) {
        List<Problem> problems = new ArrayList<>();
        SourcePositions positions = trees.getSourcePositions();
        List<ClassTree> classes = new ArrayList<>();
        for (Tree declaration : unit.getTypeDecls()) {
            if (declaration instanceof ClassTree type && type.getKind() == Tree.Kind.CLASS) {
                classes.add(type);
            }
        }
        if (classes.isEmpty()) {
            problems.add(new Problem(file, 1, FILE_NAME + " declares no top-level class, so it has no middleware",
                    "write: class Middleware { " + EXAMPLE + " }"));
            return new Outcome(null, 0, problems);
        }
        ClassTree type = chooseClass(classes);
        TreePath classPath = TreePath.getPath(unit, type);
        int handles = 0;
        boolean misnamed = false;
        int matcherLine = 0;
        for (Tree member : type.getMembers()) {
            if (member instanceof MethodTree method) {
                String name = method.getName().toString();
                int line = RouteValidator.nameLine(unit, positions, method, name);
                if (name.equals("handle")) {
                    handles++;
                    if (handles > 1) {
                        problems.add(new Problem(file, line, "`handle` is declared more than once: middleware has one entry point",
                                "keep one " + SIGNATURE + " and give the others other names"));
                    } else if (trees.getElement(new TreePath(classPath, method)) instanceof ExecutableElement executable) {
                        checkHandle(method, executable, file, line, problems);
                    }
                } else if (NEXT_NAMES.contains(name)) {
                    misnamed = true;
                    problems.add(new Problem(file, line, "`" + name + "` is Next.js's name for the middleware function; approute "
                            + "calls `handle`", "rename it: " + SIGNATURE));
                }
            } else if (member instanceof VariableTree field && field.getName().contentEquals("matcher")) {
                matcherLine = RouteValidator.nameLine(unit, positions, field, "matcher");
                checkMatcher(field, new TreePath(classPath, field), file, matcherLine, problems);
            }
        }
        if (handles == 0 && !misnamed) {
            problems.add(new Problem(file, RouteValidator.line(unit, positions, type), "class " + type.getSimpleName()
                    + " declares no `handle` method: middleware is " + SIGNATURE, "add it, e.g. " + EXAMPLE));
        }
        return new Outcome(CompiledMiddleware.PACKAGE + "." + type.getSimpleName(), matcherLine, problems);
    }

    private void checkHandle(MethodTree method, ExecutableElement executable, Path file, int line, List<Problem> problems) {
        String params = String.join(", ", method.getParameters().stream().map(Tree::toString).toList());
        String returns = method.getReturnType() == null ? "void" : method.getReturnType().toString();
        if (!executable.getModifiers().contains(Modifier.STATIC)) {
            problems.add(new Problem(file, line, "`handle` is an instance method, but middleware is static: approute never creates "
                    + "an instance of the class", "add `static`: static " + returns + " handle(" + params + ")"));
        }
        List<? extends VariableElement> parameters = executable.getParameters();
        boolean erroneous = parameters.stream().anyMatch(p -> p.asType().getKind() == TypeKind.ERROR);
        if (!erroneous && (parameters.size() != 2 || !types.isSameType(parameters.get(0).asType(), request)
                || !types.isSameType(parameters.get(1).asType(), next))) {
            problems.add(new Problem(file, line, "`handle(" + params + ")` has parameters approute cannot pass: middleware takes "
                    + "(Request request, Next next)", "declare " + SIGNATURE + " and continue with next.next()"));
        }
        TypeMirror returnType = executable.getReturnType();
        if (returnType.getKind() != TypeKind.ERROR && !types.isSameType(returnType, response)) {
            problems.add(new Problem(file, line, "`handle` returns " + returns + ", but middleware returns the Response to send",
                    "return a Response: next.next() to continue, or e.g. Response.redirect(\"/login\")"));
        }
    }

    private void checkMatcher(VariableTree field, TreePath fieldPath, Path file, int line, List<Problem> problems) {
        Element element = trees.getElement(fieldPath);
        if (!(element instanceof VariableElement variable) || variable.asType().getKind() == TypeKind.ERROR) {
            return; // javac reported it
        }
        String fix = "declare it like static final String[] matcher = {\"/api/:path*\"}; or static final Matcher matcher = "
                + "Matcher.source(\"/api/:path*\");";
        Set<Modifier> modifiers = variable.getModifiers();
        if (!modifiers.contains(Modifier.STATIC) || !modifiers.contains(Modifier.FINAL)) {
            problems.add(new Problem(file, line, "`matcher` says which paths middleware runs for, so it must be `static final`", fix));
            return;
        }
        if (matcherTypes.stream().noneMatch(allowed -> types.isSameType(variable.asType(), allowed))) {
            problems.add(new Problem(file, line, "`matcher` is a " + field.getType() + "; it must be a String, String[], Matcher "
                    + "or Matcher[]", fix));
            return;
        }
        for (String source : constantSources(variable, field, fieldPath)) {
            try {
                Matcher.source(source);
            } catch (IllegalArgumentException invalid) {
                problems.add(new Problem(file, line, "matcher " + invalid.getMessage(), "write the source with Next's path syntax, "
                        + "e.g. \"/api/:path*\"; to exclude paths, test request.nextUrl().pathname() in handle and return next.next()"));
            }
        }
    }

    // A constant String, or the literal strings of an array initializer; other expressions are checked when the class loads.
    private List<String> constantSources(VariableElement variable, VariableTree field, TreePath fieldPath) {
        if (variable.getConstantValue() instanceof String constant) {
            return List.of(constant);
        }
        List<String> sources = new ArrayList<>();
        if (field.getInitializer() instanceof NewArrayTree array && array.getInitializers() != null) {
            for (ExpressionTree item : array.getInitializers()) {
                if (item instanceof LiteralTree literal && literal.getValue() instanceof String text) {
                    sources.add(text);
                } else if (trees.getElement(new TreePath(fieldPath, item)) instanceof VariableElement constant
                        && constant.getConstantValue() instanceof String text) {
                    sources.add(text);
                }
            }
        }
        return sources;
    }

    private static ClassTree chooseClass(List<ClassTree> classes) {
        for (ClassTree type : classes) {
            for (Tree member : type.getMembers()) {
                if (member instanceof MethodTree method && (method.getName().contentEquals("handle")
                        || NEXT_NAMES.contains(method.getName().toString()))) {
                    return type;
                }
            }
        }
        for (ClassTree type : classes) {
            if (type.getSimpleName().contentEquals("Middleware")) {
                return type;
            }
        }
        return classes.get(0);
    }
}
