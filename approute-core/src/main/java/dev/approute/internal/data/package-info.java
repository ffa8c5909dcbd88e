/**
 * The data cache behind {@code Fetch} and {@code Cache.cached} (Next's fetch cache and {@code unstable_cache}).
 *
 * <pre>
 * Fetcher          one Fetch: FetchPolicy decides, DataCache serves, HttpFetcher sends
 *   FetchPolicy    fetchCache x cache/revalidate options -> cached N s | forever | not cached | error
 *   HttpFetcher    the one JDK HttpClient
 * CachedValues     one Cache.cached: JSON in, a decoded copy out
 * DataCache        HIT / STALE (one refresh per key) / MISS (one shared load), over the response cache's CacheHandler
 * DataKeys         data:fetch:&lt;sha-256&gt;, data:cached:&lt;sha-256&gt;
 * DataReads        where a read reports its tags and opt-outs: the enclosing cached() loader, or the cached render
 * DataContext      the app's DataCache + the DataRoute (fetchCache, dynamic, revalidate, file) of the request
 * </pre>
 * The rules are in docs/caching.md, "The data cache".
 */
package dev.approute.internal.data;
