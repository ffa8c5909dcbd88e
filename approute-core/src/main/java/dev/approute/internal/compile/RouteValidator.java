package dev.approute.internal.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
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

import dev.approute.internal.app.Problem;

/**
 * Checks an analysed {@code route.java} with javac's Trees API: the route class, its handlers and its segment config,
 * each mistake as a {@link Problem} naming the line and the fix.
 */
final class RouteValidator {
    static final String HANDLER_EXAMPLE = "static Response GET(Request request) { return Response.json(Map.of(\"ok\", true)); }";
    private static final String SIGNATURES = "(), (Request) or (Request, RouteContext)";
    private static final String RETURNS = "Response, CompletionStage<Response> or CompletableFuture<Response>";

    record Outcome(String className, List<HttpMethod> methods, SegmentConfig config, List<Problem> problems) {
    }

    private final Trees trees;
    private final Types types;
    private final TypeMirror request;
    private final TypeMirror context;
    private final TypeMirror response;
    private final TypeMirror completionStage;
    private final TypeMirror completableFuture;

    RouteValidator(JavacTask task) {
        this.trees = Trees.instance(task);
        this.types = task.getTypes();
        Elements elements = task.getElements();
        this.request = type(elements, "dev.approute.Request");
        this.context = type(elements, "dev.approute.RouteContext");
        this.response = type(elements, "dev.approute.Response");
        this.completionStage = types.erasure(type(elements, "java.util.concurrent.CompletionStage"));
        this.completableFuture = types.erasure(type(elements, "java.util.concurrent.CompletableFuture"));
    }

    static TypeMirror type(Elements elements, String name) {
        TypeElement element = elements.getTypeElement(name);
        if (element == null) {
            throw new IllegalStateException("approute's API class " + name + " is not on the compile classpath");
        }
        return element.asType();
    }

    Outcome validate(CompilationUnitTree unit, Path file, String packageName) {
        List<Problem> problems = new ArrayList<>();
        SourcePositions positions = trees.getSourcePositions();
        List<ClassTree> classes = new ArrayList<>();
        for (Tree declaration : unit.getTypeDecls()) {
            if (declaration instanceof ClassTree type
                    && (type.getKind() == Tree.Kind.CLASS || type.getKind() == Tree.Kind.RECORD)) {
                classes.add(type);
            }
        }
        if (classes.isEmpty()) {
            int line = unit.getTypeDecls().isEmpty() ? 1 : line(unit, positions, unit.getTypeDecls().get(0));
            problems.add(new Problem(file, line, "route.java declares no top-level class, so it has no handlers",
                    "put the handlers in a class: class Route { " + HANDLER_EXAMPLE + " }"));
            return new Outcome(null, List.of(), SegmentConfig.DEFAULTS, problems);
        }
        ClassTree routeClass = chooseRouteClass(classes);
        String className = packageName + "." + routeClass.getSimpleName();
        TreePath classPath = TreePath.getPath(unit, routeClass);

        Set<HttpMethod> methods = EnumSet.noneOf(HttpMethod.class);
        boolean verbLike = false;
        Map<String, Object> configValues = new LinkedHashMap<>();
        Map<String, Integer> configLines = new LinkedHashMap<>();
        for (Tree member : routeClass.getMembers()) {
            if (member instanceof MethodTree method) {
                String name = method.getName().toString();
                HttpMethod verb = HttpMethod.of(name.toUpperCase(Locale.ROOT));
                if (verb == null) {
                    continue;
                }
                verbLike = true;
                int line = nameLine(unit, positions, method, name);
                if (!name.equals(verb.name())) {
                    problems.add(new Problem(file, line, "`" + name + "` is not a handler: handler names are upper-case. Rename it to `"
                            + verb + "` (as Next.js says: export the uppercase '" + verb + "' method name)",
                            "rename `" + name + "` to `" + verb + "`"));
                    continue;
                }
                Element element = trees.getElement(new TreePath(classPath, method));
                if (element instanceof ExecutableElement executable
                        && checkHandler(method, executable, file, line, problems)) {
                    if (!methods.add(verb)) {
                        problems.add(new Problem(file, line, "`" + verb + "` is declared more than once: a route has one handler per method",
                                "keep one `" + verb + "` method and delete the others"));
                    }
                }
            } else if (member instanceof VariableTree field && SegmentConfigParser.isConfigName(field.getName().toString())) {
                String name = field.getName().toString();
                int line = nameLine(unit, positions, field, name);
                TreePath fieldPath = new TreePath(classPath, field);
                Element element = trees.getElement(fieldPath);
                if (!(element instanceof VariableElement variable) || variable.asType().getKind() == TypeKind.ERROR) {
                    continue; // javac reported it
                }
                Set<Modifier> modifiers = variable.getModifiers();
                if (!modifiers.contains(Modifier.STATIC) || !modifiers.contains(Modifier.FINAL)) {
                    problems.add(new Problem(file, line, "`" + name + "` is a segment-config name, but this field is not `static final`"
                            + ": approute reads segment config only from static final constants",
                            "declare it `static final`, e.g. " + example(name) + ", or rename the field"));
                    continue;
                }
                configValues.put(name, constantValue(variable, field, fieldPath));
                configLines.put(name, line);
            }
        }
        int classLine = line(unit, positions, routeClass);
        if (methods.isEmpty() && !verbLike) {
            problems.add(new Problem(file, classLine, "class " + routeClass.getSimpleName() + " declares no handler: a route handles "
                    + "requests with static methods named GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS",
                    "add one, e.g. " + HANDLER_EXAMPLE));
        }
        SegmentConfigParser.Result config = SegmentConfigParser.parse(configValues);
        for (SegmentConfigParser.Issue issue : config.issues()) {
            problems.add(new Problem(file, configLines.getOrDefault(issue.field(), classLine), issue.message(), issue.fix()));
        }
        return new Outcome(className, List.copyOf(methods), config.config(), problems);
    }

    /** True when {@code method} is a valid handler; otherwise adds a problem for each mistake. */
    private boolean checkHandler(MethodTree method, ExecutableElement executable, Path file, int line, List<Problem> problems) {
        boolean ok = true;
        String name = method.getName().toString();
        String params = String.join(", ", method.getParameters().stream().map(Tree::toString).toList());
        String returns = method.getReturnType() == null ? "void" : method.getReturnType().toString();
        if (!executable.getModifiers().contains(Modifier.STATIC)) {
            problems.add(new Problem(file, line, "`" + name + "` is an instance method, but handlers are static: approute never creates "
                    + "an instance of the route class", "add `static`: static " + returns + " " + name + "(" + params + ")"));
            ok = false;
        }
        List<? extends VariableElement> parameters = executable.getParameters();
        boolean erroneous = parameters.stream().anyMatch(p -> p.asType().getKind() == TypeKind.ERROR);
        if (!erroneous && !validParameters(parameters)) {
            problems.add(new Problem(file, line, "`" + name + "(" + params + ")` has parameters approute cannot pass: a handler takes "
                    + SIGNATURES, "declare " + name + "(Request request, RouteContext ctx) and read path params with ctx.params().get(\"name\")"));
            ok = false;
        }
        TypeMirror returnType = executable.getReturnType();
        if (returnType.getKind() != TypeKind.ERROR && !validReturn(returnType)) {
            problems.add(new Problem(file, line, "`" + name + "` returns " + returns + ", but a handler returns " + RETURNS,
                    "return a Response, e.g. static Response " + name + "(" + params + ") { return Response.json(...); }"));
            ok = false;
        }
        return ok;
    }

    private boolean validParameters(List<? extends VariableElement> parameters) {
        return switch (parameters.size()) {
            case 0 -> true;
            case 1 -> types.isSameType(parameters.get(0).asType(), request);
            case 2 -> types.isSameType(parameters.get(0).asType(), request) && types.isSameType(parameters.get(1).asType(), context);
            default -> false;
        };
    }

    private boolean validReturn(TypeMirror type) {
        if (types.isSameType(type, response)) {
            return true;
        }
        if (!(type instanceof DeclaredType declared) || declared.getTypeArguments().size() != 1) {
            return false;
        }
        TypeMirror erased = types.erasure(type);
        if (!types.isSameType(erased, completionStage) && !types.isSameType(erased, completableFuture)) {
            return false;
        }
        TypeMirror argument = declared.getTypeArguments().get(0);
        if (argument instanceof WildcardType wildcard) {
            return wildcard.getExtendsBound() != null && types.isSameType(wildcard.getExtendsBound(), response);
        }
        return types.isSameType(argument, response);
    }

    /** The constant javac computed; for an array initializer, the list of its constant elements; else null. */
    private Object constantValue(VariableElement variable, VariableTree field, TreePath fieldPath) {
        Object value = variable.getConstantValue();
        if (value != null) {
            return value;
        }
        if (field.getInitializer() instanceof NewArrayTree array && array.getInitializers() != null) {
            List<Object> values = new ArrayList<>();
            for (ExpressionTree item : array.getInitializers()) {
                Object itemValue = null;
                if (item instanceof LiteralTree literal) {
                    itemValue = literal.getValue();
                } else if (trees.getElement(new TreePath(fieldPath, item)) instanceof VariableElement constant) {
                    itemValue = constant.getConstantValue();
                }
                if (itemValue == null) {
                    return null;
                }
                values.add(itemValue);
            }
            return values;
        }
        return null;
    }

    private static ClassTree chooseRouteClass(List<ClassTree> classes) {
        for (ClassTree type : classes) {
            for (Tree member : type.getMembers()) {
                if (member instanceof MethodTree method && HttpMethod.of(method.getName().toString().toUpperCase(Locale.ROOT)) != null) {
                    return type;
                }
            }
        }
        for (ClassTree type : classes) {
            if (type.getSimpleName().contentEquals("Route")) {
                return type;
            }
        }
        return classes.get(0);
    }

    private static String example(String field) {
        return switch (field) {
            case "dynamic" -> "static final String dynamic = \"force-static\";";
            case "dynamicParams" -> "static final boolean dynamicParams = false;";
            case "revalidate" -> "static final int revalidate = 60;";
            case "fetchCache" -> "static final String fetchCache = \"auto\";";
            case "runtime" -> "static final String runtime = \"nodejs\";";
            case "preferredRegion" -> "static final String preferredRegion = \"auto\";";
            default -> "static final int maxDuration = 30;";
        };
    }

    /** The line of {@code name} in {@code tree}'s declaration (annotations and modifiers may sit on earlier lines). */
    static int nameLine(CompilationUnitTree unit, SourcePositions positions, Tree tree, String name) {
        long start = positions.getStartPosition(unit, tree);
        try {
            CharSequence text = unit.getSourceFile().getCharContent(true);
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name) + "\\b")
                    .matcher(text);
            if (start >= 0 && matcher.find((int) start)) {
                return (int) unit.getLineMap().getLineNumber(matcher.start());
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall back to where the declaration starts
        }
        return line(unit, positions, tree);
    }

    static int line(CompilationUnitTree unit, SourcePositions positions, Tree tree) {
        long position = positions.getStartPosition(unit, tree);
        return position < 0 ? 0 : (int) unit.getLineMap().getLineNumber(position);
    }
}
