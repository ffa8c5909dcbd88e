package dev.approute.internal.data;

import java.util.Objects;

/**
 * Where a data read ({@code Fetch}, {@code Cache.cached}) stores its entries and which route's config it obeys.
 *
 * @param cache the app's data cache
 * @param route the route being handled, or {@link DataRoute#OUTSIDE_REQUEST}
 */
public record DataContext(DataCache cache, DataRoute route) {
    public DataContext {
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(route, "route");
    }
}
