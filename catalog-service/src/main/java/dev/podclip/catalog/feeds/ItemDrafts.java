package dev.podclip.catalog.feeds;

import dev.podclip.catalog.common.CatalogLimits;
import dev.podclip.catalog.episode.EpisodeInput;
import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import dev.podclip.chapters.files.ChapterFiles;
import dev.podclip.chapters.files.PodloveChapter;
import dev.podclip.chapters.time.Durations;
import dev.podclip.support.net.FetchRefused;
import dev.podclip.support.net.SafeFetcher;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns a feed item into the episode to write, fetching its chapters and transcript (the only I/O, through
 * {@link SafeFetcher}). An attachment that cannot be fetched or read is left out with a warning; the item is then
 * imported without it and retried at the next poll (its hash is not recorded).
 */
final class ItemDrafts {

    /** The episode fields (slug and show are set when written), and whether every attachment was read. */
    record Draft(EpisodeInput input, String hash, boolean complete) {
    }

    static final String UNTITLED = "Untitled episode";

    private final SafeFetcher fetcher;
    private final FeedsConfig config;
    private final long deadlineNs;

    /**
     * @param deadlineNs {@link System#nanoTime()} past which no attachment is fetched: the rest of the items are
     *                   drafted without them, as incomplete, and fetched by the next poll
     */
    ItemDrafts(SafeFetcher fetcher, FeedsConfig config, long deadlineNs) {
        this.fetcher = fetcher;
        this.config = config;
        this.deadlineNs = deadlineNs;
    }

    /** Null for an item that is no episode (no enclosure), with a warning. */
    Draft draft(ParsedFeed.Item item, int number, List<String> warnings) {
        if (item.enclosureUrl() == null) {
            warnings.add("item " + number + " (" + item.guid() + ") has no enclosure: not an episode, skipped");
            return null;
        }
        boolean complete = true;
        boolean fetchAllowed = System.nanoTime() - deadlineNs < 0;
        String durationText = item.durationText();
        if (durationText != null && durationText.length() > CatalogLimits.DURATION_TEXT_MAX_CHARS) {
            warnings.add("item " + number + ": itunes:duration too long, ignored");
            durationText = null;
        }
        String chaptersJson = null;
        ParsedFeed.Transcript link = FeedRules.bestTranscript(item.transcripts());
        if (!fetchAllowed && (item.chaptersUrl() != null || link != null)) {
            warnings.add("item " + number + ": the poll's deadline (catalog.feeds.poll-deadline) passed; its chapters"
                    + " and transcript are fetched by the next poll");
            complete = false;
        } else if (item.chaptersUrl() != null) {
            chaptersJson = fetchChapters(item.chaptersUrl(), number, warnings);
            complete = chaptersJson != null;
        } else if (!item.pscChapters().isEmpty()) {
            chaptersJson = pscToJson(item.pscChapters(), durationText, number, warnings);
        }
        EpisodeInput.TranscriptInput transcript = null;
        if (link != null && fetchAllowed) {
            transcript = fetchTranscript(link, number, warnings);
            complete = complete && transcript != null;
        }
        String title = item.title() == null ? UNTITLED : FeedRules.cut(item.title(), CatalogLimits.TITLE_MAX_CHARS);
        EpisodeInput input = new EpisodeInput(null, item.guid(), null, title, item.description(), item.publishedAt(),
                durationText, item.enclosureUrl(), null, FeedRules.httpUrlOrNull(item.link()), chaptersJson,
                transcript, null);
        return new Draft(input, FeedRules.itemHash(item), complete);
    }

    private String fetchChapters(String url, int number, List<String> warnings) {
        try {
            SafeFetcher.Fetched fetched = fetcher.get(url, config.chaptersMaxBytes(),
                    Map.of("Accept", "application/json+chapters, application/json"));
            String json = new String(fetched.body(), StandardCharsets.UTF_8);
            String problem = FeedRules.chaptersJsonProblem(json);
            if (problem != null) {
                warnings.add("item " + number + ": chapters " + url + " left out: " + problem);
                return null;
            }
            return json;
        } catch (FetchRefused e) {
            warnings.add("item " + number + ": chapters " + url + " left out: " + e.summary());
            return null;
        }
    }

    private EpisodeInput.TranscriptInput fetchTranscript(ParsedFeed.Transcript link, int number,
                                                         List<String> warnings) {
        try {
            SafeFetcher.Fetched fetched = fetcher.get(link.url(), config.transcriptMaxBytes(), Map.of());
            String text = new String(fetched.body(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank() || text.indexOf('\0') >= 0 || text.length() > CatalogLimits.TRANSCRIPT_MAX_CHARS) {
                warnings.add("item " + number + ": transcript " + link.url() + " left out: empty, binary or longer"
                        + " than " + CatalogLimits.TRANSCRIPT_MAX_CHARS + " characters");
                return null;
            }
            return new EpisodeInput.TranscriptInput(FeedRules.transcriptFormat(link.type()), text);
        } catch (FetchRefused e) {
            warnings.add("item " + number + ": transcript " + link.url() + " left out: " + e.summary());
            return null;
        }
    }

    /**
     * Podlove Simple Chapters read by the chapter engine (same boundary rules as files) and written as JSON. The
     * entries go over as the feed parser read them, not written back to XML for the engine to parse a second time:
     * one format change (feed XML to the stored JSON) where there were three.
     */
    static String pscToJson(List<ParsedFeed.PscChapter> chapters, String durationText, int number,
                            List<String> warnings) {
        StatedDuration duration = durationText == null ? null : Durations.parseHuman(durationText).orElse(null);
        List<PodloveChapter> entries = chapters.stream()
                .map(c -> new PodloveChapter(c.start(), c.title(), c.href(), c.image())).toList();
        try {
            ChapterList list = ChapterFiles.readPodloveSimpleChapters(entries, duration, BoundaryPolicy.DEFAULTS);
            String json = ChapterFiles.writePodcastingJson(list);
            return FeedRules.chaptersJsonProblem(json) == null ? json : null;
        } catch (ChapterEngineException e) {
            warnings.add("item " + number + ": psc:chapters left out: " + e.getMessage());
            return null;
        }
    }
}
