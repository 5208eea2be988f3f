package dev.podclip.clip.media;

import dev.podclip.support.text.Digests;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of cached files, pure: {@code <episodeId>_<version>_<hash>.<ext>}. The hash covers everything else that
 * changes the bytes (range, format, fade, tags), so equal names are equal files, and the name doubles as the ETag.
 */
final class MediaNames {

    private static final Pattern NAME = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_(\\d{1,19})_([0-9a-f]{16,64})(\\.[a-z0-9]+)?");
    private static final int HASH_HEX_CHARS = 32;
    private static final int PREFIX_HASH_HEX_CHARS = 16;

    record Parsed(UUID episodeId, long version, String hash) {
    }

    private MediaNames() {
    }

    static String render(UUID episodeId, long version, String what, String extension) {
        return episodeId + "_" + version + "_" + hash(what) + "." + extension;
    }

    static String source(UUID episodeId, long version, String url) {
        return episodeId + "_" + version + "_" + hash("source|" + url);
    }

    /**
     * The kept start of a source ({@code SourceFiles}: a VBR MP3's or ADTS AAC's first bytes), beside its name: named
     * also by the file's validator and size, so the start of a file the host changed is never grown with its new bytes.
     */
    static String prefix(String sourceName, String etag, long fileBytes) {
        return sourceName + ".prefix" + hash("prefix|" + etag + "|" + fileBytes).substring(0, PREFIX_HASH_HEX_CHARS);
    }

    /** The parts of a name this class made, or null for anything else (including path tricks). */
    static Parsed parse(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return null;
        }
        return new Parsed(UUID.fromString(matcher.group(1)), Long.parseLong(matcher.group(2)), matcher.group(3));
    }

    private static String hash(String text) {
        return Digests.sha256Hex(text).substring(0, HASH_HEX_CHARS);
    }
}
