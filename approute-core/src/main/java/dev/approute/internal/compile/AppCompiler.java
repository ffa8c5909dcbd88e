package dev.approute.internal.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;

import dev.approute.Request;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.metadata.MetadataKind;
import dev.approute.internal.router.EntryKind;

/**
 * Compiles an app in-process with javac: {@code src/**}{@code /*.java} and every route folder in one task.
 *
 * <pre>
 * my-app/app/api/items/[slug]/route.java   → .approute/classes/routes/approute/routes/api/items/_slug_/Route.class
 * my-app/app/api/items/[slug]/Helper.java  → .approute/classes/routes/approute/routes/api/items/_slug_/Helper.class
 * my-app/src/com/acme/Db.java              → .approute/classes/src/com/acme/Db.class
 * </pre>
 *
 * Each route folder (its {@code route.java} and the other {@code .java} files beside it, not subfolders) compiles
 * into a synthetic package ({@link RoutePackages}) with {@code java.util.*} and {@code dev.approute.*} imported
 * implicitly. Route and src code compile against the public API {@code dev.approute} only: javac never sees
 * {@code dev.approute.internal}. Every javac error and every route-file mistake comes back as a {@link Problem},
 * all in one run.
 *
 * <pre>{@code
 * AppCompiler compiler = new AppCompiler(new AppLayout(Path.of("my-app")));
 * CompileResult result = compiler.compileAll(entries);          // build, or dev at startup
 * CompileResult again = compiler.recompile(changedEntry);       // dev hot reload: fresh output dir
 * }</pre>
 */
public final class AppCompiler {
    private static final String INTERNAL = "dev.approute.internal";
    private static final List<String> OPTIONS = List.of(
            "--release", "21", "-proc:none", "-g", "-parameters", "-implicit:none", "-Xlint:none", "-nowarn",
            "-Xmaxerrs", "100000",
            // keep attributing after the first error so that every file's errors are reported in one run
            "-XDshould-stop.ifError=FLOW");

    private final AppLayout layout;
    private final RoutePackages packages = new RoutePackages();
    private final AtomicInteger hotBuilds = new AtomicInteger();

    public AppCompiler(AppLayout layout) {
        this.layout = layout;
    }

    public AppLayout layout() {
        return layout;
    }

    /** Where {@code src/} classes go: {@code .approute/classes/src}. */
    public static Path srcClassesDir(AppLayout layout) {
        return layout.classesDir().resolve("src");
    }

    /** Where route classes go: {@code .approute/classes/routes}. */
    public static Path routeClassesDir(AppLayout layout) {
        return layout.classesDir().resolve("routes");
    }

    /** The synthetic package of a route folder, stable for the life of this compiler. */
    public String packageOf(AppEntry entry) {
        return packages.packageOf(layout.appDir(), entry.folder());
    }

    /**
     * Cleans {@code .approute/classes} and compiles {@code src/} and the folder of every {@link EntryKind#ROUTE} entry
     * and of every dynamic {@link EntryKind#METADATA} entry ({@code sitemap.java}, ...) in one javac task. Other
     * entries (pages, static metadata files) are ignored.
     */
    public CompileResult compileAll(List<AppEntry> routeEntries) {
        List<AppEntry> routes = routeEntries.stream()
                .filter(AppCompiler::isCompiled)
                .sorted(Comparator.comparing(entry -> entry.file().toAbsolutePath().normalize().toString()))
                .toList();
        deleteTree(layout.classesDir());
        deleteTree(hotDir());
        List<Path> srcFiles = javaFiles(layout.srcDir(), Integer.MAX_VALUE);
        List<Path> classpath = new ArrayList<>(apiClasspath());
        Path middleware = Files.isRegularFile(layout.middlewareFile()) ? layout.middlewareFile() : null;
        CompileResult result = compile(routes, srcFiles, middleware, routeClassesDir(layout), srcClassesDir(layout), classpath);
        List<Problem> misplaced = MiddlewareValidator.misplaced(layout);
        if (misplaced.isEmpty()) {
            return result;
        }
        List<Problem> problems = new ArrayList<>(misplaced);
        problems.addAll(result.problems());
        return new CompileResult(result.routes(), problems, result.middleware());
    }

    /**
     * Recompiles one route folder against the existing {@code src/} classes into a fresh directory under
     * {@code .approute/hot/}, so that a new class loader can load it while the old one keeps serving.
     */
    public CompileResult recompile(AppEntry entry) {
        String packageName = packageOf(entry);
        Path out = hotDir().resolve(hotBuilds.incrementAndGet() + "-" + packageName);
        List<Path> classpath = new ArrayList<>(apiClasspath());
        if (Files.isDirectory(srcClassesDir(layout))) {
            classpath.add(srcClassesDir(layout));
        }
        return compile(List.of(entry), List.of(), null, out, null, classpath);
    }

    /** route.java, and metadata routes written in Java (sitemap.java, icon.java, ...). */
    public static boolean isCompiled(AppEntry entry) {
        return entry.kind() == EntryKind.ROUTE
                || entry.kind() == EntryKind.METADATA && entry.file().getFileName().toString().endsWith(".java");
    }

    private Path hotDir() {
        return layout.buildDir().resolve("hot");
    }

    /** @param middlewareFile {@code middleware.java}, compiled in the same task into its own package; null for none */
    private CompileResult compile(List<AppEntry> routes, List<Path> srcFiles, Path middlewareFile, Path routesOut, Path srcOut,
                                  List<Path> classpath) {
        List<Problem> problems = new ArrayList<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            problems.add(new Problem(null, 0, "no Java compiler is available in this Java runtime",
                    "run approute dev/build with a JDK (java " + Runtime.version().feature() + " has no jdk.compiler module here)"));
            return new CompileResult(List.of(), problems);
        }
        List<JavaFileObject> sources = new ArrayList<>();
        // A folder may hold several entries (route.java, sitemap.java, icon.java): they share its package.
        Map<Path, AppEntry> entryByFile = new LinkedHashMap<>();
        for (AppEntry entry : routes) {
            entryByFile.put(entry.file().toAbsolutePath().normalize(), entry);
        }
        Map<Path, String> packageByFolder = new HashMap<>();
        for (AppEntry entry : routes) {
            Path folder = entry.folder().toAbsolutePath().normalize();
            if (packageByFolder.containsKey(folder)) {
                continue;
            }
            String packageName = packageOf(entry);
            packageByFolder.put(folder, packageName);
            for (Path file : javaFiles(folder, 1)) {
                RouteSource source = routeSource(file, packageName, entryByFile.containsKey(file), problems);
                if (source != null) {
                    sources.add(source);
                }
            }
        }
        RouteSource middlewareSource = middlewareFile == null ? null
                : routeSource(middlewareFile, CompiledMiddleware.PACKAGE, false, problems);
        if (middlewareSource != null) {
            sources.add(middlewareSource);
        }
        Map<java.net.URI, RouteSource> routeSources = new HashMap<>();
        for (JavaFileObject source : sources) {
            routeSources.put(source.toUri(), (RouteSource) source);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<Path, RouteValidator.Outcome> outcomes = new HashMap<>();   // by entry file
        MiddlewareValidator.Outcome middlewareOutcome = null;
        if (!sources.isEmpty() || !srcFiles.isEmpty()) {
            try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                Files.createDirectories(routesOut);
                if (srcOut != null) {
                    Files.createDirectories(srcOut);
                }
                standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
                standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
                standard.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(routesOut));
                for (JavaFileObject file : standard.getJavaFileObjectsFromPaths(srcFiles)) {
                    sources.add(file);
                }
                JavaFileManager files = new BoundaryFileManager(standard, srcOut, routeSources.keySet());
                JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, OPTIONS, null, sources);
                Iterable<? extends CompilationUnitTree> units = task.parse();
                task.analyze();
                RouteValidator validator = new RouteValidator(task);
                MetadataValidator metadataValidator = new MetadataValidator(task);
                middlewareOutcome = validateMiddleware(task, units, middlewareSource);
                for (CompilationUnitTree unit : units) {
                    // javac hands back its own wrappers of our file objects: match them by URI
                    RouteSource source = routeSources.get(unit.getSourceFile().toUri());
                    if (source != null && source.routeFile()) {
                        AppEntry entry = entryByFile.get(source.file());
                        Path relative = layout.relative(source.file());
                        try {
                            outcomes.put(source.file(), entry.kind() == EntryKind.METADATA
                                    ? metadataValidator.validate(unit, relative, source.packageName(),
                                            MetadataKind.of(source.file().getFileName().toString()), entry.pattern().toString())
                                    : validator.validate(unit, relative, source.packageName()));
                        } catch (RuntimeException e) {
                            // javac has reported whatever left this tree unreadable
                            outcomes.put(source.file(), null);
                        }
                    }
                }
                task.generate();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot compile into " + routesOut + ": " + e.getMessage(), e);
            }
        }
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                problems.add(toProblem(diagnostic, routeSources));
            }
        }
        outcomes.values().stream().filter(o -> o != null).forEach(outcome -> problems.addAll(outcome.problems()));
        if (middlewareOutcome != null) {
            problems.addAll(middlewareOutcome.problems());
        }

        Set<Path> foldersWithProblems = new java.util.HashSet<>();
        for (Problem problem : problems) {
            if (problem.file() != null) {
                foldersWithProblems.add(layout.root().resolve(problem.file()).normalize().getParent());
            }
        }
        List<CompiledRoute> compiled = new ArrayList<>();
        entryByFile.forEach((file, entry) -> {
            Path folder = file.getParent();
            RouteValidator.Outcome outcome = outcomes.get(file);
            if (outcome == null || outcome.className() == null || foldersWithProblems.contains(folder)) {
                return;
            }
            Path classFile = routesOut.resolve(outcome.className().replace('.', '/') + ".class");
            if (Files.isRegularFile(classFile)) {
                compiled.add(new CompiledRoute(entry, outcome.className(), packageByFolder.get(folder), outcome.methods(),
                        outcome.config(), routesOut));
            }
        });
        problems.sort(Comparator.comparing((Problem p) -> p.file() == null ? "" : p.file().toString().replace('\\', '/'))
                .thenComparingInt(Problem::line));
        return new CompileResult(compiled, problems, compiledMiddleware(middlewareSource, middlewareOutcome, problems, routesOut));
    }

    private MiddlewareValidator.Outcome validateMiddleware(JavacTask task, Iterable<? extends CompilationUnitTree> units,
                                                           RouteSource middlewareSource) {
        if (middlewareSource == null) {
            return null;
        }
        for (CompilationUnitTree unit : units) {
            if (unit.getSourceFile().toUri().equals(middlewareSource.toUri())) {
                try {
                    return new MiddlewareValidator(task).validate(unit, layout.relative(middlewareSource.file()));
                } catch (RuntimeException e) {
                    return null; // javac has reported whatever left this tree unreadable
                }
            }
        }
        return null;
    }

    /** The compiled middleware, or null when there is none or it has a problem (then the build fails anyway). */
    private CompiledMiddleware compiledMiddleware(RouteSource source, MiddlewareValidator.Outcome outcome, List<Problem> problems,
                                                  Path routesOut) {
        if (source == null || outcome == null || outcome.className() == null) {
            return null;
        }
        Path relative = layout.relative(source.file());
        if (problems.stream().anyMatch(problem -> relative.equals(problem.file()))) {
            return null;
        }
        Path classFile = routesOut.resolve(outcome.className().replace('.', '/') + ".class");
        return Files.isRegularFile(classFile)
                ? new CompiledMiddleware(source.file(), outcome.className(), routesOut, outcome.matcherLine()) : null;
    }

    private RouteSource routeSource(Path file, String packageName, boolean routeFile, List<Problem> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(layout.relative(file), 0, "cannot read the file: " + e.getMessage(), "check its permissions and encoding (UTF-8)"));
            return null;
        }
        int[] declaration = RouteSource.findPackageDeclaration(text);
        if (declaration != null) {
            String written = text.substring(declaration[0], declaration[1]).replaceAll("\\s+", " ").trim();
            String rule = file.startsWith(layout.appDir()) ? "files in app/ have no package declaration; approute gives each route folder its own package"
                    : "middleware.java has no package declaration; approute gives it its own package";
            problems.add(new Problem(layout.relative(file), RouteSource.lineOf(text, declaration[0]), "`" + written + "`: " + rule,
                    "remove the `package` line (shared code with packages belongs in src/)"));
            text = RouteSource.blank(text, declaration[0], declaration[1]);
        }
        return new RouteSource(file, packageName, routeFile, text);
    }

    private Problem toProblem(Diagnostic<? extends JavaFileObject> diagnostic, Map<java.net.URI, RouteSource> routeSources) {
        Path file = null;
        String packageName = null;
        JavaFileObject source = diagnostic.getSource();
        RouteSource route = source == null ? null : routeSources.get(source.toUri());
        if (route != null) {
            file = layout.relative(route.file());
            packageName = route.packageName();
        } else if (source != null) {
            try {
                file = layout.relative(Path.of(source.toUri()));
            } catch (RuntimeException e) {
                file = Path.of(source.getName());
            }
        }
        String message = diagnostic.getMessage(Locale.ROOT).strip();
        if (packageName != null) {
            message = message.replace(packageName + ".", "");
        }
        message = message.replaceAll("\\s*\\R\\s*", "; ");
        long line = diagnostic.getLineNumber();
        return new Problem(file, line < 0 ? 0 : (int) line, message, fixFor(message));
    }

    /** A fix for the javac errors where one is obvious. */
    static String fixFor(String message) {
        if (message.contains(INTERNAL)) {
            return "route and src code may use only the public API dev.approute (plus the JDK and your src/ code); "
                    + INTERNAL + ".* is approute's own and hidden from apps: use the dev.approute types instead";
        }
        if (message.contains("should be declared in a file named")) {
            return "remove `public` from the class: route classes need no access modifier";
        }
        if (message.startsWith("duplicate class")) {
            return "the .java files of one folder share a package: give each top-level class its own name "
                    + "(e.g. class AppleIcon in apple-icon.java beside class Icon in icon.java)";
        }
        if (message.contains("reference to List is ambiguous")) {
            return "java.util.* is imported for you, so `import java.awt.*;` makes List ambiguous: import the java.awt "
                    + "classes one by one (import java.awt.Color;)";
        }
        if (message.contains("does not exist") && message.contains("package ")) {
            return "put shared code in src/ (with its package), or check the import's spelling";
        }
        return null;
    }

    /**
     * The classpath javac compiles apps against: where approute's own classes are (a directory or a jar), found
     * from the loaded {@link Request} class, else from {@code jdk.module.path} / {@code java.class.path}.
     */
    static List<Path> apiClasspath() {
        CodeSource codeSource = Request.class.getProtectionDomain().getCodeSource();
        if (codeSource != null && codeSource.getLocation() != null) {
            try {
                return List.of(Path.of(codeSource.getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                // fall through to the path properties
            }
        }
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            for (String entry : value.split(java.io.File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path path = Path.of(entry);
                if (Files.isRegularFile(path.resolve("dev/approute/Request.class")) || isApiJar(path)) {
                    return List.of(path);
                }
            }
        }
        throw new IllegalStateException("Cannot find approute's classes (dev/approute/Request.class) to compile the app against");
    }

    private static boolean isApiJar(Path path) {
        if (!Files.isRegularFile(path) || !path.toString().endsWith(".jar")) {
            return false;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile())) {
            return jar.getEntry("dev/approute/Request.class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code .java} files under {@code dir}, {@code depth} 1 for a route folder (not subfolders), sorted. */
    static List<Path> javaFiles(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(".java") && Files.isRegularFile(path))
                    .map(path -> path.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hides {@code dev.approute.internal.*} from javac (its packages list as empty, so an import of one is
     * "package ... does not exist") and sends {@code src/} classes to their own output directory.
     */
    private static final class BoundaryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Path srcOut;
        private final Set<java.net.URI> routeSources;

        BoundaryFileManager(StandardJavaFileManager standard, Path srcOut, Set<java.net.URI> routeSources) {
            super(standard);
            this.srcOut = srcOut;
            this.routeSources = routeSources;
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
                throws IOException {
            if (location == StandardLocation.CLASS_PATH
                    && (packageName.equals(INTERNAL) || packageName.startsWith(INTERNAL + "."))) {
                return List.of();
            }
            return super.list(location, packageName, kinds, recurse);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling)
                throws IOException {
            if (srcOut != null && location == StandardLocation.CLASS_OUTPUT && (sibling == null || !routeSources.contains(sibling.toUri()))) {
                Path target = srcOut.resolve(className.replace('.', '/') + kind.extension);
                Files.createDirectories(target.getParent());
                return fileManager.getJavaFileObjects(target).iterator().next();
            }
            return super.getJavaFileForOutput(location, className, kind, sibling);
        }
    }
}
