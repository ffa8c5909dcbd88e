package dev.approute.internal.router;

/**
 * Next.js's {@code normalizeAppPath}: the URL pattern of an app path, dropping groups, slots and the final
 * {@code page}/{@code route} part.
 *
 * <pre>{@code
 * AppPaths.normalize("/(dashboard)/user/[id]/route");   // "/user/[id]"
 * AppPaths.normalize("/route");                         // "/"
 * }</pre>
 */
public final class AppPaths {
    private AppPaths() {
    }

    public static String normalize(String appPath) {
        String[] parts = appPath.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.isEmpty() || isGroup(part) || part.charAt(0) == '@'
                    || (last && (part.equals("page") || part.equals("route")))) {
                continue;
            }
            out.append('/').append(part);
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    /** {@code (marketing)}: organises folders without adding a URL segment. */
    public static boolean isGroup(String folder) {
        return folder.length() >= 2 && folder.charAt(0) == '(' && folder.endsWith(")");
    }
}
