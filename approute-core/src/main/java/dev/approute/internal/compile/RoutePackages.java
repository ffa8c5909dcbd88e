package dev.approute.internal.compile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.lang.model.SourceVersion;

/**
 * Gives each route folder its own synthetic Java package, readable from the folder name, so that
 * {@code class Route} and {@code class Helper} in two folders never clash:
 * <pre>
 * app/route.java                   approute.routes
 * app/api/items/[slug]/route.java  approute.routes.api.items._slug_
 * app/(shop)/[...all]/route.java   approute.routes._shop_.____all_
 * </pre>
 * Two folders that sanitize to the same name get {@code _2}, {@code _3}... in the order they are first seen.
 * Pure (no javac): the loader and manifest only carry the names it chose.
 */
public final class RoutePackages {
    public static final String ROOT = "approute.routes";

    private final Map<Path, String> byFolder = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    /** The package of {@code folder} (a folder under {@code appDir}), choosing and remembering it on first use. */
    public synchronized String packageOf(Path appDir, Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        String known = byFolder.get(key);
        if (known != null) {
            return known;
        }
        String base = readableName(appDir.toAbsolutePath().normalize().relativize(key));
        String name = base;
        for (int n = 2; used.contains(name); n++) {
            name = base + "_" + n;
        }
        used.add(name);
        byFolder.put(key, name);
        return name;
    }

    /** Remembers a name chosen earlier (e.g. read back from the manifest). */
    public synchronized void remember(Path folder, String packageName) {
        byFolder.put(folder.toAbsolutePath().normalize(), packageName);
        used.add(packageName);
    }

    /** {@code api/items/[slug]} → {@code approute.routes.api.items._slug_}, without de-duplication. */
    public static String readableName(Path relativeFolder) {
        StringBuilder out = new StringBuilder(ROOT);
        for (Path part : relativeFolder) {
            String text = part.toString();
            if (!text.isEmpty()) {
                out.append('.').append(identifier(text));
            }
        }
        return out.toString();
    }

    /** One folder name as a Java identifier: every other character becomes {@code _}; keywords and digits get a {@code _}. */
    static String identifier(String name) {
        StringBuilder out = new StringBuilder(name.length() + 1);
        name.codePoints().forEach(c -> out.appendCodePoint(Character.isJavaIdentifierPart(c) && c != '$' ? c : '_'));
        if (out.isEmpty() || !Character.isJavaIdentifierStart(out.codePointAt(0))) {
            out.insert(0, '_');
        }
        String text = out.toString();
        if (text.equals("_") || SourceVersion.isKeyword(text)) {
            text = text + "_";
        }
        return text;
    }
}
