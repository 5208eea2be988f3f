package dev.podclip.catalog.feeds;

import java.time.Instant;
import java.util.List;

/** What a feed says, before anything is fetched or written. Items in document order. */
public record ParsedFeed(String title, String link, String description, String author, String imageUrl,
                         List<Item> items, List<String> warnings) {

    /** One {@code <item>}. Text fields are as written (CDATA unwrapped, HTML kept). */
    public record Item(String guid, String title, String description, String link, Instant publishedAt,
                       String enclosureUrl, String enclosureType, Long enclosureLength, String durationText,
                       String chaptersUrl, List<PscChapter> pscChapters, List<Transcript> transcripts,
                       List<Soundbite> soundbites) {
    }

    /** A {@code psc:chapter}: start in Normal Play Time, as written. */
    public record PscChapter(String start, String title, String href, String image) {
    }

    /** A {@code podcast:transcript} link. */
    public record Transcript(String url, String type) {
    }

    /** A {@code podcast:soundbite}: kept in the item's hash; not stored as clips yet (docs/feeds.md). */
    public record Soundbite(String startTime, String duration, String text) {
    }
}
