package dev.approute.internal.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.approute.internal.json.Json;

/**
 * Entries as files under a directory ({@code .approute/cache/} for an app), so a restart keeps them and a build can
 * seed them with its prerendered responses:
 *
 * <pre>
 * .approute/cache/entries/&lt;sha-256 of the key, hex&gt;.json   one {@link CacheEntryCodec} record each
 * .approute/cache/tags.json                              the {@link TagManifest}
 * </pre>
 * Every write goes to a temporary file in the same directory first and is then moved over the old one (atomically
 * where the file system can), so a reader or a crash never sees half a file. A file that cannot be read (corrupt,
 * truncated by hand, another version) is logged once and treated as absent; the next {@code set} replaces it.
 * Bounded by bytes on disk ({@link #DEFAULT_MAX_BYTES} unless told otherwise): past it the least recently written
 * entries are deleted ({@link DiskBudget}); a deleted entry is simply rendered again on its next request.
 */
public final class DiskCacheHandler implements CacheHandler {
    private static final System.Logger LOG = System.getLogger("dev.approute.cache");
    private static final int TAGS_VERSION = 1;
    /** 1 GiB: room for a great many responses, and a hard stop for URLs invented by clients. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    private final Path entriesDir;
    private final Path tagsFile;
    private final Object tagsLock = new Object();
    private final TagManifest manifest = new TagManifest();
    private final Set<Path> reportedCorrupt = ConcurrentHashMap.newKeySet();
    private final DiskBudget budget;

    /** @throws UncheckedIOException when the directory cannot be created */
    public DiskCacheHandler(Path directory) {
        this(directory, DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the most entry bytes kept on disk; the least recently written go first */
    public DiskCacheHandler(Path directory, long maxBytes) {
        this.entriesDir = directory.resolve("entries");
        this.tagsFile = directory.resolve("tags.json");
        try {
            Files.createDirectories(entriesDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the cache directory " + entriesDir + ": " + e.getMessage(), e);
        }
        loadTags();
        budget = new DiskBudget(entriesDir, maxBytes);
    }

    /** Bytes of entry files on disk, as indexed (for tests and diagnostics). */
    public long diskBytes() {
        return budget.totalBytes();
    }

    /** The file an entry's key is stored in. */
    public Path fileFor(String key) {
        return entriesDir.resolve(hash(key) + ".json");
    }

    @Override
    public Optional<CacheEntry> get(String key) {
        Path file = fileFor(key);
        Optional<CacheEntryCodec.Stored> stored = read(file);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get().key().equals(key)) {
            reportOnce(file, "holds key '" + stored.get().key() + "', not '" + key + "'; ignored");
            return Optional.empty();
        }
        synchronized (tagsLock) {
            return Optional.of(manifest.apply(stored.get().entry()));
        }
    }

    /**
     * Every readable entry with its key, tag revalidations applied (as {@link #get} returns them); unreadable files
     * are logged and skipped. For seeding a shared store with what {@code build} prerendered.
     */
    public void forEachEntry(BiConsumer<String, CacheEntry> action) {
        try (Stream<Path> files = Files.list(entriesDir)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".json"))::iterator) {
                Optional<CacheEntryCodec.Stored> stored = read(file);
                if (stored.isEmpty()) {
                    continue;
                }
                if (!file.equals(fileFor(stored.get().key()))) {
                    reportOnce(file, "holds key '" + stored.get().key() + "', which belongs in another file; ignored");
                    continue;
                }
                CacheEntry entry;
                synchronized (tagsLock) {
                    entry = manifest.apply(stored.get().entry());
                }
                action.accept(stored.get().key(), entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the cache directory " + entriesDir + ": " + e.getMessage(), e);
        }
    }

    private Optional<CacheEntryCodec.Stored> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            reportOnce(file, "cannot be read: " + e);
            return Optional.empty();
        }
        try {
            return Optional.of(CacheEntryCodec.decode(bytes));
        } catch (IOException e) {
            reportOnce(file, "is not a valid cache entry and is ignored (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    @Override
    public void set(String key, CacheEntry entry) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entry, "entry");
        Path file = fileFor(key);
        byte[] bytes = CacheEntryCodec.encode(key, entry);
        try {
            writeAtomically(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write cache entry " + file + ": " + e.getMessage(), e);
        }
        reportedCorrupt.remove(file);
        for (Path evicted : budget.written(file, bytes.length)) {
            try {
                Files.deleteIfExists(evicted);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot delete evicted cache entry " + evicted + ": " + e);
            }
        }
    }

    @Override
    public void revalidateTag(String tag, Instant now, RevalidateProfile profile) {
        synchronized (tagsLock) {
            manifest.revalidate(tag, now, profile);
            try {
                writeAtomically(tagsFile, encodeTags(manifest.snapshot()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + tagsFile + " (the revalidation holds until a restart): "
                        + e.getMessage(), e);
            }
        }
    }

    private void loadTags() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(tagsFile);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cache tag manifest " + tagsFile + " cannot be read, starting without it: " + e);
            return;
        }
        try {
            manifest.restore(decodeTags(bytes));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cache tag manifest " + tagsFile + " is not valid and is ignored (" + e.getMessage()
                    + "); earlier revalidateTag calls are forgotten");
        }
    }

    static byte[] encodeTags(Map<String, TagManifest.TagRevalidation> tags) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("v", TAGS_VERSION);
        ObjectNode all = root.putObject("tags");
        tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(tag -> all.set(tag.getKey(), TagRevalidationCodec.toJson(tag.getValue())));
        return Json.encode(root);
    }

    static Map<String, TagManifest.TagRevalidation> decodeTags(byte[] bytes) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new IOException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || root.path("v").asInt(-1) != TAGS_VERSION || !root.path("tags").isObject()) {
            throw new IOException("not a version-" + TAGS_VERSION + " tag manifest");
        }
        Map<String, TagManifest.TagRevalidation> tags = new LinkedHashMap<>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) root.get("tags")::fields) {
            tags.put(field.getKey(), TagRevalidationCodec.fromJson(field.getValue()));
        }
        return tags;
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void reportOnce(Path file, String problem) {
        if (reportedCorrupt.add(file)) {
            LOG.log(Level.WARNING, "Cache file " + file + " " + problem);
        }
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
