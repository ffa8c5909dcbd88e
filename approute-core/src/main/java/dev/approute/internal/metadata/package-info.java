/**
 * Metadata routes ({@code sitemap.java}, {@code robots.java}, {@code manifest.java}, images, and the static files
 * {@code robots.txt}, {@code favicon.ico}, {@code icon.png} ...): which file is which kind, the text formats they are
 * written in (sitemaps.org XML, robots.txt, manifest JSON, as Next.js writes them) and the content types and
 * {@code Cache-Control} they are served with. Pure functions over the public {@code MetadataRoute} types: no HTTP,
 * no class loading.
 */
package dev.approute.internal.metadata;
