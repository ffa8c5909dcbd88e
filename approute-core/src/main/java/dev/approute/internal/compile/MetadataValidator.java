package dev.approute.internal.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;

import dev.approute.internal.app.Problem;
import dev.approute.internal.metadata.MetadataKind;

/**
 * Checks an analysed metadata route ({@code sitemap.java}, {@code robots.java}, {@code manifest.java}, {@code icon.java},
 * {@code opengraph-image.java}, ...) with javac's Trees API: its class declares the kind's static method with a
 * parameter list approute can pass and the return type it renders, {@code generateSitemaps()} when present, the image
 * constants {@code size}, {@code contentType} and {@code alt}, and segment config; each mistake a {@link Problem} naming
 * the line and the fix.
 */
final class MetadataValidator {
    /** Next's {@code generateSitemaps}: the ids of a sitemap split in several files. */
    static final String GENERATE_SITEMAPS = "generateSitemaps";

    private final Trees trees;
    private final Types types;
    private final TypeMirror string;
    private final TypeMirror routeContext;
    private final TypeMirror anyList;
    private final TypeMirror sitemapEntries;
    private final TypeMirror robots;
    private final TypeMirror manifest;
    private final TypeMirror response;
    private final TypeMirror imageSize;

    MetadataValidator(JavacTask task) {
        this.trees = Trees.instance(task);
        this.types = task.getTypes();
        Elements elements = task.getElements();
        this.string = RouteValidator.type(elements, "java.lang.String");
        this.routeContext = RouteValidator.type(elements, "dev.approute.RouteContext");
        TypeElement list = elements.getTypeElement("java.util.List");
        this.anyList = types.getDeclaredType(list, types.getWildcardType(null, null));
        this.sitemapEntries = types.getDeclaredType(list,
                types.getWildcardType(RouteValidator.type(elements, "dev.approute.MetadataRoute.SitemapEntry"), null));
        this.robots = RouteValidator.type(elements, "dev.approute.MetadataRoute.Robots");
        this.manifest = RouteValidator.type(elements, "dev.approute.MetadataRoute.Manifest");
        this.response = RouteValidator.type(elements, "dev.approute.Response");
        this.imageSize = RouteValidator.type(elements, "dev.approute.ImageResponse.Size");
    }

    /** The method a file of this kind declares, as an example to copy. */
    static String example(MetadataKind kind) {
        return switch (kind) {
            case SITEMAP -> "static List<MetadataRoute.SitemapEntry> sitemap() { return List.of(MetadataRoute.SitemapEntry.of(\"https://acme.com\")); }";
            case ROBOTS -> "static MetadataRoute.Robots robots() { return MetadataRoute.Robots.of(MetadataRoute.Robots.Rule.forAllAgents().allow(\"/\")); }";
            case MANIFEST -> "static MetadataRoute.Manifest manifest() { return MetadataRoute.Manifest.create().name(\"My App\"); }";
            case ICON, APPLE_ICON -> "static Response icon() { return ImageResponse.png(32, 32, g -> g.fillOval(0, 0, 32, 32)); }";
            case OPENGRAPH_IMAGE, TWITTER_IMAGE -> "static Response image() { return ImageResponse.png(1200, 630, g -> g.drawString(\"Hello\", 100, 300)); }";
        };
    }

    RouteValidator.Outcome validate(CompilationUnitTree unit, Path file, String packageName, MetadataKind kind, String url) {
        List<Problem> problems = new ArrayList<>();
        SourcePositions positions = trees.getSourcePositions();
        String method = kind.methodName();
        List<ClassTree> classes = new ArrayList<>();
        for (Tree declaration : unit.getTypeDecls()) {
            if (declaration instanceof ClassTree type && (type.getKind() == Tree.Kind.CLASS || type.getKind() == Tree.Kind.RECORD)) {
                classes.add(type);
            }
        }
        if (classes.isEmpty()) {
            int line = unit.getTypeDecls().isEmpty() ? 1 : RouteValidator.line(unit, positions, unit.getTypeDecls().get(0));
            problems.add(new Problem(file, line, file.getFileName() + " declares no top-level class, so it has no " + method
                    + "() method to serve " + url + " from", "put it in a class: class " + kind.className() + " { " + example(kind) + " }"));
            return new RouteValidator.Outcome(null, List.of(), SegmentConfig.DEFAULTS, problems);
        }
        ClassTree metadataClass = chooseClass(classes, kind);
        TreePath classPath = TreePath.getPath(unit, metadataClass);
        int classLine = RouteValidator.line(unit, positions, metadataClass);
        boolean generatesIds = kind == MetadataKind.SITEMAP && declares(metadataClass, GENERATE_SITEMAPS);
        SegmentConfigFields config = new SegmentConfigFields(trees, unit, classPath, file, problems);
        int found = 0;
        Problem misnamed = null; // reported only when the real method is missing: it may be a helper
        for (Tree member : metadataClass.getMembers()) {
            if (member instanceof MethodTree tree) {
                String name = tree.getName().toString();
                int line = RouteValidator.nameLine(unit, positions, tree, name);
                // no element: javac has reported why (a duplicate class, say), nothing more to say here
                ExecutableElement executable = trees.getElement(new TreePath(classPath, tree)) instanceof ExecutableElement e ? e : null;
                if (name.equals(method)) {
                    found++;
                    if (found > 1) {
                        problems.add(new Problem(file, line, "`" + method + "` is declared more than once: approute calls one " + method + "()",
                                "keep one `" + method + "` method and delete the others"));
                    } else if (executable != null) {
                        checkMethod(executable, tree, kind, generatesIds, file, line, problems);
                    }
                } else if (executable == null) {
                    continue;
                } else if (misnamed == null && (name.equalsIgnoreCase(method) || kind.isImage() && isOtherImageName(name, method))) {
                    misnamed = new Problem(file, line, "`" + name + "` is not the method approute calls: " + file.getFileName()
                            + " is served from `" + method + "()`", "rename `" + name + "` to `" + method + "`");
                } else if (name.equals(GENERATE_SITEMAPS) && kind == MetadataKind.SITEMAP) {
                    checkGenerateSitemaps(executable, tree, file, line, problems);
                } else if (name.equals("generateImageMetadata") && kind.isImage()) {
                    problems.add(new Problem(file, line, "generateImageMetadata() is not supported by approute yet: one "
                            + kind.baseName() + " file serves one image",
                            "use one file per image (" + kind.baseName() + "1.java, " + kind.baseName() + "2.java, ...) and delete generateImageMetadata"));
                }
            } else if (member instanceof VariableTree field) {
                if (!config.accept(field) && kind.isImage()) {
                    checkImageConstant(field, classPath, unit, file, problems);
                }
            }
        }
        if (found == 0 && misnamed != null) {
            problems.add(misnamed);
        } else if (found == 0) {
            problems.add(new Problem(file, classLine, "class " + metadataClass.getSimpleName() + " declares no `" + method + "()` method: "
                    + file.getFileName() + " serves " + url + " from what static " + method + "() returns", "add it, e.g. " + example(kind)));
        }
        SegmentConfig parsed = config.finish(classLine);
        return new RouteValidator.Outcome(packageName + "." + metadataClass.getSimpleName(), List.of(HttpMethod.GET), parsed, problems);
    }

    private void checkMethod(ExecutableElement executable, MethodTree tree, MetadataKind kind, boolean generatesIds, Path file,
                             int line, List<Problem> problems) {
        String method = kind.methodName();
        String params = String.join(", ", tree.getParameters().stream().map(Tree::toString).toList());
        String returns = tree.getReturnType() == null ? "void" : tree.getReturnType().toString();
        if (!executable.getModifiers().contains(Modifier.STATIC)) {
            problems.add(new Problem(file, line, "`" + method + "` is an instance method, but approute never creates an instance "
                    + "of the class: it calls the static " + method + "()", "add `static`: static " + returns + " " + method + "(" + params + ")"));
        }
        List<? extends VariableElement> parameters = executable.getParameters();
        if (parameters.stream().noneMatch(p -> p.asType().getKind() == TypeKind.ERROR) && !validParameters(parameters, kind, generatesIds)) {
            problems.add(new Problem(file, line, "`" + method + "(" + params + ")` has parameters approute cannot pass: " + allowedParameters(kind, generatesIds),
                    "declare " + method + "(" + (kind.isImage() ? "RouteContext ctx" : generatesIds ? "String id" : "") + ")"));
        }
        TypeMirror returnType = executable.getReturnType();
        if (returnType.getKind() != TypeKind.ERROR && !validReturn(returnType, kind)) {
            problems.add(new Problem(file, line, "`" + method + "` returns " + returns + ", but " + file.getFileName() + "'s "
                    + method + "() returns " + kind.returns(), "return a " + kind.returns() + ", e.g. " + example(kind)));
        }
    }

    private static String allowedParameters(MetadataKind kind, boolean generatesIds) {
        if (kind.isImage()) {
            return "an image method takes () or (RouteContext ctx) for the params of the folders above it";
        }
        if (kind == MetadataKind.SITEMAP) {
            return generatesIds ? "with generateSitemaps(), sitemap takes (String id): the id of the sitemap requested"
                    : "sitemap() takes no parameters (add generateSitemaps() to serve several sitemaps, then sitemap(String id))";
        }
        return kind.methodName() + "() takes no parameters";
    }

    private boolean validParameters(List<? extends VariableElement> parameters, MetadataKind kind, boolean generatesIds) {
        if (parameters.isEmpty()) {
            return !generatesIds;
        }
        if (parameters.size() != 1) {
            return false;
        }
        TypeMirror only = parameters.get(0).asType();
        return kind.isImage() ? types.isSameType(only, routeContext) : generatesIds && types.isSameType(only, string);
    }

    private boolean validReturn(TypeMirror type, MetadataKind kind) {
        return switch (kind) {
            case SITEMAP -> types.isAssignable(type, sitemapEntries);
            case ROBOTS -> types.isAssignable(type, robots);
            case MANIFEST -> types.isAssignable(type, manifest);
            default -> types.isAssignable(type, response);
        };
    }

    private void checkGenerateSitemaps(ExecutableElement executable, MethodTree tree, Path file, int line, List<Problem> problems) {
        boolean shape = executable.getModifiers().contains(Modifier.STATIC) && executable.getParameters().isEmpty()
                && (executable.getReturnType().getKind() == TypeKind.ERROR || types.isAssignable(executable.getReturnType(), anyList));
        if (!shape) {
            problems.add(new Problem(file, line, "`" + tree.getName() + "` must be `static List<...> generateSitemaps()`: it returns the ids "
                    + "of the sitemaps (served at sitemap/<id>.xml)", "declare static List<Integer> generateSitemaps() { return List.of(0, 1, 2); }"));
        }
    }

    private void checkImageConstant(VariableTree field, TreePath classPath, CompilationUnitTree unit, Path file, List<Problem> problems) {
        String name = field.getName().toString();
        if (!name.equals("size") && !name.equals("contentType") && !name.equals("alt")) {
            return;
        }
        Element element = trees.getElement(new TreePath(classPath, field));
        if (!(element instanceof VariableElement variable) || variable.asType().getKind() == TypeKind.ERROR) {
            return;
        }
        int line = RouteValidator.nameLine(unit, trees.getSourcePositions(), field, name);
        boolean constant = variable.getModifiers().contains(Modifier.STATIC) && variable.getModifiers().contains(Modifier.FINAL);
        TypeMirror expected = name.equals("size") ? imageSize : string;
        String declaration = name.equals("size") ? "static final ImageResponse.Size size = new ImageResponse.Size(1200, 630);"
                : name.equals("alt") ? "static final String alt = \"About Acme\";" : "static final String contentType = \"image/png\";";
        if (!constant || !types.isSameType(variable.asType(), expected)) {
            problems.add(new Problem(file, line, "`" + name + "` describes the image (Next's exported " + name + ") and must be a `static final "
                    + (name.equals("size") ? "ImageResponse.Size" : "String") + "`", "declare " + declaration));
            return;
        }
        if (name.equals("contentType") && variable.getConstantValue() instanceof String value
                && !value.toLowerCase(Locale.ROOT).startsWith("image/")) {
            problems.add(new Problem(file, line, "contentType \"" + value + "\" is not an image type", "declare " + declaration));
        }
    }

    private static boolean isOtherImageName(String name, String method) {
        String other = method.equals("icon") ? "image" : "icon";
        return name.equalsIgnoreCase(other);
    }

    private static boolean declares(ClassTree type, String methodName) {
        return type.getMembers().stream().anyMatch(member -> member instanceof MethodTree method && method.getName().contentEquals(methodName));
    }

    private static ClassTree chooseClass(List<ClassTree> classes, MetadataKind kind) {
        for (ClassTree type : classes) {
            for (Tree member : type.getMembers()) {
                if (member instanceof MethodTree method && method.getName().toString().equalsIgnoreCase(kind.methodName())) {
                    return type;
                }
            }
        }
        for (ClassTree type : classes) {
            if (type.getSimpleName().contentEquals(kind.className())) {
                return type;
            }
        }
        return classes.get(0);
    }
}
