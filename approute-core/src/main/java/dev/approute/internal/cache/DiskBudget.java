package dev.approute.internal.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps a directory of entry files under a byte budget, dropping the least recently written files first. Without it
 * a route with dynamic params and {@code revalidate} would store one file per distinct URL a client invents, until
 * the disk is full. Sizes and write order are indexed in memory (read from the directory once at start), so a
 * write costs no directory listing.
 */
final class DiskBudget {
    private static final System.Logger LOG = System.getLogger("dev.approute.cache");

    private record Written(long bytes, long order) {
    }

    private final long maxBytes;
    private final Map<Path, Written> files = new HashMap<>();
    private long totalBytes;
    private long writes;

    DiskBudget(Path directory, long maxBytes) {
        this.maxBytes = maxBytes;
        try (Stream<Path> existing = Files.list(directory)) {
            List<Path> byAge = new ArrayList<>(existing.filter(path -> path.getFileName().toString().endsWith(".json")).toList());
            byAge.sort(Comparator.comparingLong(DiskBudget::modifiedMillis));
            byAge.forEach(path -> recordLocked(path, sizeOf(path)));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot list " + directory + " to size the cache: " + e);
        }
    }

    long totalBytes() {
        synchronized (this) {
            return totalBytes;
        }
    }

    /** Records a write of {@code bytes} to {@code file}; returns the files to delete to get back under budget. */
    synchronized List<Path> written(Path file, long bytes) {
        recordLocked(file, bytes);
        if (totalBytes <= maxBytes) {
            return List.of();
        }
        // Down to 90%, so a full cache does not evict on every single write.
        long target = maxBytes - maxBytes / 10;
        List<Map.Entry<Path, Written>> oldestFirst = new ArrayList<>(files.entrySet());
        oldestFirst.sort(Comparator.comparingLong(entry -> entry.getValue().order()));
        List<Path> evicted = new ArrayList<>();
        for (Map.Entry<Path, Written> entry : oldestFirst) {
            if (totalBytes <= target) {
                break;
            }
            if (!entry.getKey().equals(file)) {
                evicted.add(entry.getKey());
                totalBytes -= entry.getValue().bytes();
                files.remove(entry.getKey());
            }
        }
        return evicted;
    }

    private void recordLocked(Path file, long bytes) {
        Written previous = files.put(file, new Written(bytes, writes++));
        totalBytes += bytes - (previous == null ? 0 : previous.bytes());
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long modifiedMillis(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
