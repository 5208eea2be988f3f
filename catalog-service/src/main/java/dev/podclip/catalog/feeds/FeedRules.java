package dev.podclip.catalog.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.catalog.common.CatalogLimits;
import dev.podclip.catalog.common.HttpUrl;
import dev.podclip.support.text.Digests;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Pure rules of the import: slugs, item hashes, the transcript types taken, field clean-up. */
public final class FeedRules {

    /** Generated slugs are cut to this many characters (at a word boundary when there is one). */
    public static final int SLUG_BASE_MAX_CHARS = 80;
    /** Transcript types taken from podcast:transcript, best first; others (text/plain, srt variants) mapped here. */
    static final List<String> TRANSCRIPT_PREFERENCE = List.of("vtt", "srt", "json", "html");
    private static final Map<String, String> TRANSCRIPT_FORMAT_BY_TYPE = Map.of(
            "text/vtt", "vtt",
            "application/x-subrip", "srt",
            "application/srt", "srt",
            "text/srt", "srt",
            "application/x-srt", "srt",
            "application/json", "json",
            "text/html", "html");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private FeedRules() {
    }

    /** Lower-case ASCII words joined by hyphens (CatalogLimits.SLUG_PATTERN), or the fallback when none remain. */
    public static String slug(String text, String fallback) {
        String plain = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_BASE_MAX_CHARS) {
            slug = slug.substring(0, SLUG_BASE_MAX_CHARS);
            int cut = slug.lastIndexOf('-');
            slug = cut > SLUG_BASE_MAX_CHARS / 2 ? slug.substring(0, cut) : slug.replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** SHA-256 of an item's every field: equal hashes mean the feed says exactly the same about the item. */
    public static String itemHash(ParsedFeed.Item item) {
        try {
            return sha256Hex(JSON.writeValueAsString(item));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an item record always serializes", e);
        }
    }

    public static String sha256Hex(String text) {
        return Digests.sha256Hex(text);
    }

    /** The catalog's transcript format for a podcast:transcript type, or null when the catalog keeps none. */
    public static String transcriptFormat(String type) {
        if (type == null) {
            return null;
        }
        int semicolon = type.indexOf(';');
        String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return TRANSCRIPT_FORMAT_BY_TYPE.get(bare);
    }

    /** The best transcript link the catalog can keep, or null. */
    public static ParsedFeed.Transcript bestTranscript(List<ParsedFeed.Transcript> links) {
        for (String format : TRANSCRIPT_PREFERENCE) {
            for (ParsedFeed.Transcript link : links) {
                if (link.url() != null && format.equals(transcriptFormat(link.type()))) {
                    return link;
                }
            }
        }
        return null;
    }

    /** Null when the text is a Podcasting 2.0 chapters document the catalog accepts, else why not. */
    public static String chaptersJsonProblem(String json) {
        if (json.length() > CatalogLimits.CHAPTERS_JSON_MAX_CHARS) {
            return "longer than " + CatalogLimits.CHAPTERS_JSON_MAX_CHARS + " characters";
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject() || (root.has("chapters") && !root.get("chapters").isArray())) {
                return "not a Podcasting 2.0 chapters object";
            }
            return json.indexOf('\0') >= 0 ? "contains NUL" : null;
        } catch (JsonProcessingException e) {
            return "not JSON: " + e.getOriginalMessage();
        }
    }

    /** The URL when it is one the catalog stores, else null. */
    public static String httpUrlOrNull(String url) {
        return url != null && HttpUrl.Validator.isHttpUrl(url) ? url : null;
    }

    public static String cut(String text, int maxChars) {
        return text == null || text.length() <= maxChars ? text : text.substring(0, maxChars);
    }
}
