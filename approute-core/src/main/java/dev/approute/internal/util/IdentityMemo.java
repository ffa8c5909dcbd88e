package dev.approute.internal.util;

import java.util.function.Function;

/**
 * Remembers {@code derive(key)} for the last few distinct key <em>instances</em> (compared by identity), for values
 * derived from immutable objects that the per-request path meets again and again: the constant headers behind
 * {@code Response.json(...)}, a cache entry served on every hit. Such a value is then derived once, not per request.
 *
 * <pre>{@code
 * IdentityMemo<Headers, Headers> wireHeaders = new IdentityMemo<>(32, ResponseSender::withEngineRules);
 * Headers sent = wireHeaders.get(response.headers());   // computed on the first call for this instance only
 * }</pre>
 *
 * Keys must be immutable and {@code derive} a pure function of them. Lock-free and racy on purpose: two threads may
 * derive the same value, and a key seen once may evict another from its slot (which is then derived again), but a
 * hit always returns a value derived from that very instance (a slot is an immutable record, safely published
 * through its final fields). At most {@code size} keys are kept reachable.
 */
public final class IdentityMemo<K, V> {
    private record Slot<K, V>(K key, V value) {
    }

    private final Slot<K, V>[] slots;
    private final Function<K, V> derive;

    /** @param size slots, a power of two; {@code derive} may be null when every call passes its own */
    @SuppressWarnings("unchecked")
    public IdentityMemo(int size, Function<K, V> derive) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two, got " + size);
        }
        this.slots = new Slot[size];
        this.derive = derive;
    }

    public V get(K key) {
        return get(key, derive);
    }

    /** As {@link #get(Object)}, deriving a missing value with {@code derive} (the same function for a given key). */
    public V get(K key, Function<? super K, ? extends V> derive) {
        int index = System.identityHashCode(key) & (slots.length - 1);
        Slot<K, V> slot = slots[index];
        if (slot != null && slot.key == key) {
            return slot.value;
        }
        V value = derive.apply(key);
        slots[index] = new Slot<>(key, value);
        return value;
    }
}
