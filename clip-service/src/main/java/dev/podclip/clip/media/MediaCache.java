package dev.podclip.clip.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Renders and fetched sources on local disk, bounded in total bytes: the least recently used files go first
 * (a hit refreshes a file's time). Names start with the episode id and version, so a new version of an episode makes
 * its old files unreachable at once and {@link #dropOlderThan} deletes them (tested by MediaCacheTest).
 */
@ApplicationScoped
public class MediaCache {

    private static final Logger LOG = Logger.getLogger(MediaCache.class);
    static final String RENDERS = "renders";
    static final String SOURCES = "sources";
    static final String TEMP = "tmp";

    @Inject
    MediaConfig config;

    private volatile Path root;

    /** The file under {@code kind} ({@link #RENDERS} or {@link #SOURCES}), its use time refreshed; or empty. */
    Optional<Path> find(String kind, String name) {
        Path file = dir(kind).resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Evicted between the check and now: a miss.
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** A fresh file name in the temp folder (on the cache's file system, so a store is a rename). */
    Path tempFile(String suffix) {
        return dir(TEMP).resolve(UUID.randomUUID() + suffix);
    }

    /** Moves a finished temp file into place, then trims the cache to its bound. */
    Path store(Path temp, String kind, String name) {
        Path target = dir(kind).resolve(name);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + name, e);
        }
        evict(config.cacheMaxBytes());
        return target;
    }

    /** Deletes the files of an episode's versions below {@code version}: they can never be asked for again. */
    void dropOlderThan(UUID episodeId, long version) {
        for (String kind : List.of(RENDERS, SOURCES)) {
            for (Path file : list(dir(kind))) {
                MediaNames.Parsed parsed = MediaNames.parse(file.getFileName().toString());
                if (parsed != null && parsed.episodeId().equals(episodeId) && parsed.version() < version) {
                    delete(file);
                }
            }
        }
    }

    /** Deletes least recently used files until the cache holds at most {@code maxBytes}. */
    synchronized void evict(long maxBytes) {
        List<Path> files = new ArrayList<>(list(dir(RENDERS)));
        files.addAll(list(dir(SOURCES)));
        long total = files.stream().mapToLong(MediaCache::size).sum();
        if (total <= maxBytes) {
            return;
        }
        files.sort(Comparator.comparingLong(MediaCache::lastUsedMs));
        for (Path file : files) {
            if (total <= maxBytes) {
                break;
            }
            total -= size(file);
            delete(file);
        }
    }

    private Path dir(String kind) {
        Path base = root;
        if (base == null) {
            synchronized (this) {
                if (root == null) {
                    // Absolute: video renders run ffmpeg in the temp folder, where a relative path would not resolve.
                    root = Path.of(config.cacheDir().orElse(System.getProperty("java.io.tmpdir") + "/podclip-media"))
                            .toAbsolutePath();
                }
                base = root;
            }
        }
        Path dir = base.resolve(kind);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media cache folder " + dir, e);
        }
        return dir;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long lastUsedMs(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("cannot delete %s: %s", file, e.getMessage());
        }
    }
}
