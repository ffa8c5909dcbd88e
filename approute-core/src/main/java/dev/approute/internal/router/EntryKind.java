package dev.approute.internal.router;

/** What a file under {@code app/} contributes to the URL space. */
public enum EntryKind {
    /** {@code route.java}: handlers for any method. */
    ROUTE,
    /** {@code page.html} (or {@code page.java}): a page, GET/HEAD only. */
    PAGE,
    /** {@code sitemap.java}, {@code robots.java}, {@code icon.png}, ...: metadata routes, in Java or static files. */
    METADATA
}
