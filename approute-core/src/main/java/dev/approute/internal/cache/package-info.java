/**
 * Response caching for GET route handlers (Next's force-static, ISR and revalidatePath/revalidateTag), engine-free.
 *
 * <pre>
 * ResponseCache        the policy: HIT / STALE (one background regeneration per key) / MISS, headers
 *   CachePolicy        Static | Revalidate(N), from segment config; Cache-Control values
 *   CacheKey           canonical path (no query, GET only) + implicit path/layout tags
 *   Storability        the never-stored rules, each with its reason
 *   RenderObserver     request-scoped collector: tags used, cookies/authorization read, uncached data read
 * CacheHandler         the store SPI (get / set / revalidateTag); entries are CacheEntry, bytes via CacheEntryCodec
 *   MemoryCacheHandler LRU bounded by weight;  DiskCacheHandler  files, atomic writes;  TieredCacheHandler  both
 *   TagManifest        per-tag revalidation cut-offs, applied by handlers on read (TagRevalidationCodec: their bytes)
 * CacheStores          a cache URL (redis://...) to the CacheHandler a CacheHandlerProvider module opens for it
 * </pre>
 *
 * Dispatcher sketch (the wiring is not part of this package):
 * <pre>{@code
 * Optional<CachePolicy> policy = CachePolicy.fromSegmentConfig(config.dynamic(), config.revalidate());
 * if (policy.isPresent() && (method == GET || method == HEAD) && table.handlesGetOnly()) {
 *     CacheKey key = CacheKey.of(canonicalPath, route.pattern());
 *     ServedResponse served = cache.serve(key, policy.get(), () -> {
 *         RenderObserver observer = new RenderObserver();
 *         Response response = observer.observe(() -> callGet(strippedRequest(key)));   // its own RequestScope
 *         Captured body = capture(response.body());                                 // Streamed bodies drained
 *         return new CachedResponse(response.status(), response.headers(), body.bytes(), body.complete(), false,
 *                 observer.observations());
 *     });
 *     send(served.status(), served.headers(), method == HEAD ? null : served.body());
 * }
 * }</pre>
 */
package dev.approute.internal.cache;
