package dev.approute.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.approute.Headers;

/** The stores: codec round trip, memory bound, persistence across a restart, corrupt files, tag manifests. */
class CacheStoreTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static CacheEntry entry(byte[] body, Integer revalidate, Instant expire, String... tags) {
        return new CacheEntry(200, Headers.of("content-type", "application/octet-stream", "x-multi", "one",
                "x-multi", "two"), body, T0, revalidate, expire, Set.of(tags));
    }

    private static CacheEntry sized(int bodyBytes) {
        return new CacheEntry(200, Headers.empty(), new byte[bodyBytes], T0, null, null, Set.of());
    }

    @Test
    void theCodecRoundTripsEveryByteAndField() throws IOException {
        CacheEntry original = entry(allBytes(), 5, T0.plusSeconds(31_536_000), "b", "a", "_N_T_/x");
        CacheEntryCodec.Stored decoded = CacheEntryCodec.decode(CacheEntryCodec.encode("/x", original));
        assertThat(decoded.key()).isEqualTo("/x");
        assertThat(decoded.entry()).isEqualTo(original);
        assertThat(decoded.entry().headers().getAll("x-multi")).containsExactly("one", "two");

        CacheEntry never = entry(new byte[0], null, null);
        assertThat(CacheEntryCodec.decode(CacheEntryCodec.encode("/", never)).entry()).isEqualTo(never);
    }

    @Test
    void theCodecFormatIsStable() throws IOException {
        CacheEntry entry = new CacheEntry(200, Headers.of("content-type", "text/plain"),
                "hi".getBytes(StandardCharsets.UTF_8), T0, 5, T0.plusSeconds(10), Set.of("t"));
        assertThat(new String(CacheEntryCodec.encode("/a", entry), StandardCharsets.UTF_8)).isEqualTo(
                "{\"v\":1,\"key\":\"/a\",\"status\":200,\"headers\":[[\"content-type\",\"text/plain\"]],\"body\":\"aGk=\","
                        + "\"created\":\"2025-06-01T12:00:00Z\",\"revalidate\":5,\"expire\":\"2025-06-01T12:00:10Z\","
                        + "\"tags\":[\"t\"]}");
    }

    @Test
    void theCodecRefusesMalformedRecords() {
        for (String bad : new String[] {"", "[]", "{", "{\"v\":2}", "{\"v\":1,\"key\":\"/a\"}",
                "{\"v\":1,\"key\":\"/a\",\"status\":200,\"headers\":[],\"body\":\"!!\",\"created\":\"2025-06-01T12:00:00Z\"}",
                "{\"v\":1,\"key\":\"/a\",\"status\":99,\"headers\":[],\"body\":\"\",\"created\":\"2025-06-01T12:00:00Z\"}",
                "{\"v\":1,\"key\":\"/a\",\"status\":200,\"headers\":[[\"bad name\",\"x\"]],\"body\":\"\",\"created\":\"2025-06-01T12:00:00Z\"}",
                "{\"v\":1,\"key\":\"/a\",\"status\":200,\"headers\":[],\"body\":\"\",\"created\":\"yesterday\"}"}) {
            assertThatThrownBy(() -> CacheEntryCodec.decode(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(IOException.class);
        }
    }

    @Test
    void entriesAreImmutable() {
        byte[] body = {1, 2, 3};
        CacheEntry entry = new CacheEntry(200, Headers.empty(), body, T0, null, null, Set.of());
        body[0] = 9;
        entry.body()[1] = 9;
        assertThat(entry.body()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> entry.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void memoryEvictsTheLeastRecentlyUsedPastItsBound() {
        long weight = sized(1000).weight();
        assertThat(weight).isEqualTo(1000 + CacheEntry.OVERHEAD_BYTES);
        assertThat(sized(2500).weight()).isEqualTo(2756);
        MemoryCacheHandler memory = new MemoryCacheHandler(3 * weight);
        memory.set("/a", sized(1000));
        memory.set("/b", sized(1000));
        memory.set("/c", sized(1000));
        assertThat(memory.get("/a")).isPresent();   // /a is now the most recently used, /b the least
        memory.set("/d", sized(1000));
        assertThat(memory.get("/b")).isEmpty();
        assertThat(Stream.of("/a", "/c", "/d").map(memory::get)).allMatch(Optional::isPresent);
        assertThat(memory.weight()).isEqualTo(3 * weight).isLessThanOrEqualTo(memory.maxBytes());

        memory.set("/big", sized(2500));   // needs the room of about two and a half entries
        assertThat(memory.get("/big")).isPresent();
        assertThat(memory.weight()).isLessThanOrEqualTo(memory.maxBytes());
        assertThat(memory.size()).isEqualTo(1);   // 2756 + 1256 > 3768: every older entry went

        memory.set("/huge", sized(10_000));   // heavier than the whole bound: not kept, nothing else lost for it
        assertThat(memory.get("/huge")).isEmpty();
        assertThat(memory.get("/big")).isPresent();

        memory.set("/big", sized(10));   // replacing an entry frees its old weight
        assertThat(memory.weight()).isEqualTo(sized(10).weight());
    }

    @Test
    void diskKeepsEntriesAcrossARestart() {
        CacheEntry stored = entry(allBytes(), 5, T0.plusSeconds(100), "products");
        new DiskCacheHandler(dir).set("/api/isr", stored);
        DiskCacheHandler restarted = new DiskCacheHandler(dir);
        assertThat(restarted.get("/api/isr")).contains(stored);
        assertThat(restarted.get("/api/other")).isEmpty();
        try (Stream<Path> files = Files.list(dir.resolve("entries"))) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .singleElement().asString().matches("[0-9a-f]{64}\\.json");   // no temporary files left behind
        }
        catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void diskStaysWithinItsBudgetDroppingTheOldestWritesFirst() {
        long oneEntry = CacheEntryCodec.encode("/p/0", sized(10_000)).length;
        DiskCacheHandler disk = new DiskCacheHandler(dir, oneEntry * 10);
        for (int i = 0; i < 50; i++) {
            disk.set("/p/" + i, sized(10_000));   // a client inventing URLs of an ISR route with dynamic params
        }
        assertThat(disk.diskBytes()).isLessThanOrEqualTo(oneEntry * 10);
        assertThat(disk.get("/p/49")).isPresent();
        assertThat(disk.get("/p/0")).isEmpty();
        try (Stream<Path> files = Files.list(dir.resolve("entries"))) {
            assertThat(files.count()).isBetween(2L, 10L);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        DiskCacheHandler restarted = new DiskCacheHandler(dir, oneEntry * 10);
        assertThat(restarted.diskBytes()).as("the index is rebuilt from the directory").isEqualTo(disk.diskBytes());
    }

    @Test
    void diskKeepsTagRevalidationsAcrossARestart() {
        DiskCacheHandler disk = new DiskCacheHandler(dir);
        disk.set("/a", entry(new byte[] {1}, null, null, "products"));
        disk.revalidateTag("products", T0.plusSeconds(1), RevalidateProfile.EXPIRE_NOW);
        CacheEntry after = new DiskCacheHandler(dir).get("/a").orElseThrow();
        assertThat(after.freshness(T0.plusSeconds(1))).isEqualTo(CacheEntry.Freshness.EXPIRED);
    }

    @Test
    void aCorruptFileIsIgnoredAndReplacedNeverACrash() throws IOException {
        DiskCacheHandler disk = new DiskCacheHandler(dir);
        disk.set("/a", entry(new byte[] {1}, null, null));
        Path file = disk.fileFor("/a");
        byte[] good = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(good, good.length / 2));   // truncated
        assertThat(disk.get("/a")).isEmpty();
        assertThat(new DiskCacheHandler(dir).get("/a")).isEmpty();
        Files.write(file, new byte[] {(byte) 0xff, 0, 1, 2});   // not even text
        assertThat(disk.get("/a")).isEmpty();
        Files.write(file, CacheEntryCodec.encode("/other", entry(new byte[] {1}, null, null)));   // another key's record
        assertThat(disk.get("/a")).isEmpty();

        disk.set("/a", entry(new byte[] {2}, null, null));
        assertThat(disk.get("/a").orElseThrow().body()).containsExactly(2);
    }

    @Test
    void diskListsEveryReadableEntryWithItsTagRevalidationsApplied() throws IOException {
        DiskCacheHandler disk = new DiskCacheHandler(dir);
        disk.set("/a", entry(new byte[] {1}, null, null, "products"));
        disk.set("/b", entry(new byte[] {2}, null, null));
        disk.set("/broken", entry(new byte[] {3}, null, null));
        Files.writeString(disk.fileFor("/broken"), "{not json");
        disk.revalidateTag("products", T0.plusSeconds(1), RevalidateProfile.EXPIRE_NOW);

        java.util.Map<String, CacheEntry> listed = new java.util.TreeMap<>();
        new DiskCacheHandler(dir).forEachEntry(listed::put);
        assertThat(listed).containsOnlyKeys("/a", "/b");
        assertThat(listed.get("/a").freshness(T0.plusSeconds(1))).isEqualTo(CacheEntry.Freshness.EXPIRED);
        assertThat(listed.get("/b")).isEqualTo(entry(new byte[] {2}, null, null));
    }

    @Test
    void setIfAbsentKeepsWhatIsStored() {
        MemoryCacheHandler memory = new MemoryCacheHandler(1 << 20);
        assertThat(memory.setIfAbsent("/a", entry(new byte[] {1}, null, null))).isTrue();
        assertThat(memory.setIfAbsent("/a", entry(new byte[] {2}, null, null))).isFalse();
        assertThat(memory.get("/a").orElseThrow().body()).containsExactly(1);
    }

    @Test
    void aCorruptTagManifestIsIgnored() throws IOException {
        Files.writeString(dir.resolve("tags.json"), "{\"v\":1,\"tags\":{\"x\":{\"staleCutoff\":\"soon\"}}}");
        DiskCacheHandler disk = new DiskCacheHandler(dir);
        disk.set("/a", entry(new byte[] {1}, null, null, "x"));
        assertThat(disk.get("/a").orElseThrow().freshness(T0.plusSeconds(1))).isEqualTo(CacheEntry.Freshness.FRESH);
        disk.revalidateTag("x", T0.plusSeconds(1), RevalidateProfile.MAX);
        assertThat(new DiskCacheHandler(dir).get("/a").orElseThrow().freshness(T0.plusSeconds(2)))
                .isEqualTo(CacheEntry.Freshness.STALE);
    }

    @Test
    void tieredReadsThroughToDiskAndSurvivesARestart() {
        TieredCacheHandler first = TieredCacheHandler.defaultFor(dir, 1 << 20);
        CacheEntry stored = entry(allBytes(), null, null, "t");
        first.set("/a", stored);
        first.close();
        TieredCacheHandler second = TieredCacheHandler.defaultFor(dir, 1 << 20);
        assertThat(second.get("/a")).contains(stored);
        second.revalidateTag("t", T0.plusSeconds(1), RevalidateProfile.MAX);
        assertThat(second.get("/a").orElseThrow().freshness(T0.plusSeconds(2))).isEqualTo(CacheEntry.Freshness.STALE);
        assertThat(TieredCacheHandler.defaultFor(dir, 1 << 20).get("/a").orElseThrow().freshness(T0.plusSeconds(2)))
                .isEqualTo(CacheEntry.Freshness.STALE);
    }

    @Test
    void tieredKeepsServingFromMemoryWhenTheDiskFails() {
        CacheHandler failingDisk = new CacheHandler() {
            @Override
            public Optional<CacheEntry> get(String key) {
                return Optional.empty();
            }

            @Override
            public void set(String key, CacheEntry entry) {
                throw new java.io.UncheckedIOException(new IOException("disk full"));
            }

            @Override
            public void revalidateTag(String tag, Instant now, RevalidateProfile profile) {
            }
        };
        TieredCacheHandler tiered = new TieredCacheHandler(new MemoryCacheHandler(1 << 20), failingDisk);
        tiered.set("/a", sized(10));
        assertThat(tiered.get("/a")).isPresent();
    }

    @Test
    void tagRevalidationSemantics() {
        TagManifest manifest = new TagManifest();
        CacheEntry old = new CacheEntry(200, Headers.empty(), new byte[0], T0, null, null, Set.of("t", "u"));
        CacheEntry newer = new CacheEntry(200, Headers.empty(), new byte[0], T0.plusSeconds(20), null, null, Set.of("t"));

        manifest.revalidate("t", T0.plusSeconds(10), RevalidateProfile.MAX);
        assertThat(manifest.apply(old).freshness(T0.plusSeconds(10))).isEqualTo(CacheEntry.Freshness.STALE);
        assertThat(manifest.apply(old).freshness(T0.plusSeconds(1_000_000_000))).isEqualTo(CacheEntry.Freshness.STALE);
        assertThat(manifest.apply(newer)).isSameAs(newer);   // created after the revalidation

        manifest.revalidate("u", T0.plusSeconds(10), RevalidateProfile.expireAfter(60));
        assertThat(manifest.apply(old).freshness(T0.plusSeconds(69))).isEqualTo(CacheEntry.Freshness.STALE);
        assertThat(manifest.apply(old).freshness(T0.plusSeconds(70))).isEqualTo(CacheEntry.Freshness.EXPIRED);

        // a later 'max' does not undo an earlier expiry of the entries it covered
        manifest.revalidate("u", T0.plusSeconds(30), RevalidateProfile.MAX);
        assertThat(manifest.apply(old).freshness(T0.plusSeconds(70))).isEqualTo(CacheEntry.Freshness.EXPIRED);
        // a later expire-now covers everything created up to it
        manifest.revalidate("t", T0.plusSeconds(40), RevalidateProfile.EXPIRE_NOW);
        assertThat(manifest.apply(newer).freshness(T0.plusSeconds(40))).isEqualTo(CacheEntry.Freshness.EXPIRED);
    }
}
