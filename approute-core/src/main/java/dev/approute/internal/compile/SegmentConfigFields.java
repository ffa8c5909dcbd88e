package dev.approute.internal.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;

import dev.approute.internal.app.Problem;

/**
 * The segment config of one analysed class ({@code static final String dynamic = "force-static";} ...), read from the
 * constants javac computed and checked with {@link SegmentConfigParser}; each mistake a {@link Problem} at its line.
 * Used for {@code route.java} and for metadata routes alike.
 *
 * <pre>{@code
 * SegmentConfigFields config = new SegmentConfigFields(trees, unit, classPath, file, problems);
 * for (Tree member : type.getMembers()) {
 *     if (member instanceof VariableTree field && config.accept(field)) continue;
 * }
 * SegmentConfig parsed = config.finish(classLine);
 * }</pre>
 */
final class SegmentConfigFields {
    private final Trees trees;
    private final CompilationUnitTree unit;
    private final TreePath classPath;
    private final Path file;
    private final List<Problem> problems;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    SegmentConfigFields(Trees trees, CompilationUnitTree unit, TreePath classPath, Path file, List<Problem> problems) {
        this.trees = trees;
        this.unit = unit;
        this.classPath = classPath;
        this.file = file;
        this.problems = problems;
    }

    /** Reads {@code field} when it has a segment-config name; false for any other field. */
    boolean accept(VariableTree field) {
        String name = field.getName().toString();
        if (!SegmentConfigParser.isConfigName(name)) {
            return false;
        }
        int line = RouteValidator.nameLine(unit, trees.getSourcePositions(), field, name);
        TreePath fieldPath = new TreePath(classPath, field);
        Element element = trees.getElement(fieldPath);
        if (!(element instanceof VariableElement variable) || variable.asType().getKind() == TypeKind.ERROR) {
            return true; // javac reported it
        }
        Set<Modifier> modifiers = variable.getModifiers();
        if (!modifiers.contains(Modifier.STATIC) || !modifiers.contains(Modifier.FINAL)) {
            problems.add(new Problem(file, line, "`" + name + "` is a segment-config name, but this field is not `static final`"
                    + ": approute reads segment config only from static final constants",
                    "declare it `static final`, e.g. " + example(name) + ", or rename the field"));
            return true;
        }
        values.put(name, constantValue(variable, field, fieldPath));
        lines.put(name, line);
        return true;
    }

    /** The parsed config; its issues are added as problems (at the field's line, else {@code classLine}). */
    SegmentConfig finish(int classLine) {
        SegmentConfigParser.Result config = SegmentConfigParser.parse(values);
        for (SegmentConfigParser.Issue issue : config.issues()) {
            problems.add(new Problem(file, lines.getOrDefault(issue.field(), classLine), issue.message(), issue.fix()));
        }
        return config.config();
    }

    /** The constant javac computed; for an array initializer, the list of its constant elements; else null. */
    private Object constantValue(VariableElement variable, VariableTree field, TreePath fieldPath) {
        Object value = variable.getConstantValue();
        if (value != null) {
            return value;
        }
        if (field.getInitializer() instanceof NewArrayTree array && array.getInitializers() != null) {
            List<Object> items = new ArrayList<>();
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
                items.add(itemValue);
            }
            return items;
        }
        return null;
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
}
