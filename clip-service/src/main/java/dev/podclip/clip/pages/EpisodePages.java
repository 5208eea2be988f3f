package dev.podclip.clip.pages;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.Timecode;
import dev.podclip.chapters.notes.ShowNotes;
import dev.podclip.clip.browse.BrowseModels;
import dev.podclip.clip.chapters.StoredWarning;
import dev.podclip.clip.clips.ClipRange;
import dev.podclip.clip.clips.ClipTimes;
import dev.podclip.clip.clips.ClipsConfig;
import dev.podclip.clip.clips.EpisodeContext;
import dev.podclip.clip.clips.MediaLinks;
import dev.podclip.clip.episodes.StoredEpisode;
import dev.podclip.clip.pages.EpisodePage.ChapterItem;
import dev.podclip.clip.pages.EpisodePage.ClipForm;
import dev.podclip.clip.pages.EpisodePage.Details;
import dev.podclip.clip.pages.EpisodePage.Maker;
import dev.podclip.clip.pages.EpisodePage.WarningItem;
import dev.podclip.clip.pages.EpisodePage.Line;
import dev.podclip.clip.pages.EpisodePage.NotesPiece;
import dev.podclip.clip.pages.EpisodePage.Section;
import dev.podclip.clip.share.Timeline;
import io.quarkus.qute.RawString;
import dev.podclip.clip.transcripts.TranscriptViews;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Builds the episode page's model. Pure: the read model's rows in, plain text pieces out. */
public final class EpisodePages {

    /** An http(s) URL in text: up to white space or a character no URL holds unescaped. */
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`{}|\\\\^\\[\\]]+");
    /** Characters that end a sentence more often than a URL. */
    private static final String TRAILING = ".,;:!?)'\"’”»";
    /** Show notes shown on the page, in chars (the catalog allows 100,000). */
    static final int NOTES_MAX_CHARS = 100_000;
    /** The clip maker's first suggestion: a minute from where the page starts. */
    static final long DEFAULT_CLIP_MS = 60_000;
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private EpisodePages() {
    }

    /**
     * @param chapterRanges per chapter index, the clip its range makes under the clip rules, or null when it makes
     *                      none (a share link is offered only for the others)
     * @param form          the clip maker's values, or null for the defaults (a minute from {@code startMs})
     */
    static EpisodePage model(StoredEpisode episode, List<Chapter> chapters, List<StoredWarning> warnings,
                             TranscriptViews.TranscriptView transcript, long startMs, String siteName,
                             String baseUrl, List<ClipRange> chapterRanges, ClipForm form, EpisodeContext context,
                             ClipsConfig limits, EpisodePage.Save save) {
        List<ChapterItem> items = IntStream.range(0, chapters.size()).mapToObj(index -> chapterItem(index,
                chapters.get(index), index < chapterRanges.size() ? chapterRanges.get(index) : null, baseUrl,
                episode.episodeId())).toList();
        List<Section> sections = transcript == null ? List.of() : transcript.chapters().stream()
                .map(s -> new Section(s.index(), s.title(), s.startMs(), ClipTimes.seconds(s.startMs()),
                        TranscriptViews.clock(s.startMs()), s.cues().stream().map(c -> new Line(c.startMs(), c.endMs(),
                        ClipTimes.seconds(c.startMs()), TranscriptViews.clock(c.startMs()), c.speaker(), c.text()))
                        .toList()))
                .toList();
        String duration = episode.durationMs() == null ? null : TranscriptViews.clock(episode.durationMs());
        String description = "An episode of " + episode.showTitle() + (duration == null ? "" : ", " + duration)
                + ", " + chapters.size() + (chapters.size() == 1 ? " chapter" : " chapters")
                + (sections.isEmpty() ? "" : ", with its transcript");
        return new EpisodePage(episode.episodeId(), episode.title(), episode.showTitle(), episode.audioUrl(), duration,
                items, notes(episode.showNotes(), episode.durationMs()), sections, startMs, siteName,
                episode.showSlug() == null ? null : BrowseModels.showHref(episode.showSlug()),
                baseUrl + BrowseModels.episodeHref(episode.episodeId()), description,
                BrowseModels.artwork(episode.showImageUrl()), warningItems(warnings, chapters),
                details(episode), form != null ? form : defaultForm(episode, startMs),
                context == null ? null : maker(context, startMs, baseUrl, limits), save);
    }

    /** A chapter's line: its times, and its share link when its range makes a clip ({@code range} not null). */
    private static ChapterItem chapterItem(int index, Chapter c, ClipRange range, String baseUrl, UUID episodeId) {
        return new ChapterItem(index, c.title(), c.startMs(), ClipTimes.seconds(c.startMs()),
                TranscriptViews.clock(c.startMs()), c.durationMs() == null ? null : hms(c.durationMs()),
                c.durationMs() == null ? null : isoDuration(c.durationMs()),
                c.endMs() == null ? null : TranscriptViews.clock(c.endMs()),
                range == null ? null : shareHref(baseUrl, episodeId, range),
                range == null ? null : range.startMs(), range == null ? null : range.endMs());
    }

    /**
     * The clip maker's timeline and limits. The range first drawn is the default form's (a minute from
     * {@code startMs}, cut at the episode's end), or the episode's first minute when that is empty.
     */
    static Maker maker(EpisodeContext context, long startMs, String baseUrl, ClipsConfig limits) {
        Long knownEndMs = context.knownEndMs();
        long fromMs = startMs;
        long toMs = cut(startMs + DEFAULT_CLIP_MS, knownEndMs);
        if (toMs <= fromMs) {
            fromMs = 0;
            toMs = Math.max(cut(DEFAULT_CLIP_MS, knownEndMs), 1);
        }
        ClipRange range = new ClipRange(fromMs, toMs);
        Long lastEndMs = context.durationMs() == null ? null : context.durationMs() + context.durationSlackMs();
        return new Maker(new RawString(Timeline.svg(context.chapters(), knownEndMs, range)),
                Timeline.totalMs(context.chapters(), knownEndMs, range), lastEndMs, limits.minLengthMs(),
                limits.maxLengthMs(), baseUrl + "/e/" + context.episodeId(), range.startMs(), range.endMs());
    }

    /** The stateless share link of a range (docs/clips.md): {@code /e/{id}?t=start,end} in seconds. */
    static String shareHref(String baseUrl, UUID episodeId, ClipRange range) {
        return baseUrl + "/e/" + episodeId + "?t=" + ClipTimes.seconds(range.startMs()) + ","
                + ClipTimes.seconds(range.endMs());
    }

    private static long cut(long ms, Long endMs) {
        return endMs != null && ms > endMs ? endMs : ms;
    }

    /** Where the clip maker form submits. */
    static String clipAction(UUID episodeId) {
        return BrowseModels.episodeHref(episodeId) + "/clip";
    }

    /** The form as first shown: a minute from where the page starts, cut at the episode's end. */
    static ClipForm defaultForm(StoredEpisode episode, long startMs) {
        long endMs = startMs + DEFAULT_CLIP_MS;
        if (episode.durationMs() != null && endMs > episode.durationMs()) {
            endMs = episode.durationMs();
        }
        boolean fits = endMs > startMs;
        return new ClipForm(clipAction(episode.episodeId()), fits ? TranscriptViews.clock(startMs) : "",
                fits ? TranscriptViews.clock(endMs) : "", null, null, null);
    }

    /** A length as h:mm:ss, whole seconds: 0:04:00, 1:02:01. */
    static String hms(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** A length as an HTML duration string for {@code <time datetime>}: PT4M, PT1H2M1S, PT0S. */
    static String isoDuration(long ms) {
        return java.time.Duration.ofSeconds(ms / 1000).toString();
    }

    static List<WarningItem> warningItems(List<StoredWarning> warnings, List<Chapter> chapters) {
        return warnings.stream().map(w -> new WarningItem(w.code(), WarningWords.words(w.code()), w.message(),
                w.chapterIndex() == null ? null : chapterName(w.chapterIndex(), chapters))).toList();
    }

    /** "chapter 2, Outro" (numbered from 1 for people), or just the number when it has no row or no title. */
    private static String chapterName(int index, List<Chapter> chapters) {
        String name = "chapter " + (index + 1);
        if (index >= 0 && index < chapters.size() && !chapters.get(index).title().isBlank()) {
            return name + ", " + chapters.get(index).title();
        }
        return name;
    }

    static Details details(StoredEpisode episode) {
        Instant at = episode.updatedAt() != null ? episode.updatedAt() : episode.occurredAt();
        String source = episode.chaptersSource() == null ? null : switch (episode.chaptersSource()) {
            case "explicit" -> "the episode's chapters file";
            case "notes" -> "the show notes";
            default -> episode.chaptersSource();
        };
        return new Details(episode.version(), source,
                at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)),
                at == null ? null : UPDATED.format(at));
    }

    /**
     * The notes as text (HTML flattened), cut into text, seek-link pieces at each timecode and link pieces at each
     * http(s) URL written in them. Only absolute http and https URLs become links (a {@code javascript:} or
     * {@code data:} one stays text); a timecode inside a URL stays part of the URL. Everything stays plain text for
     * the template to escape.
     */
    static List<NotesPiece> notes(String showNotes, Long durationMs) {
        if (showNotes == null || showNotes.isBlank()) {
            return List.of();
        }
        String text = looksLikeHtml(showNotes) ? htmlToText(showNotes) : showNotes;
        if (text.length() > NOTES_MAX_CHARS) {
            text = text.substring(0, NOTES_MAX_CHARS);
        }
        List<int[]> urls = urlSpans(text);
        List<NotesPiece> pieces = new ArrayList<>();
        int at = 0;
        int nextUrl = 0;
        for (Timecode t : ShowNotes.findTimecodes(text, durationMs)) {
            int start = t.offset();
            int end = t.offset() + t.length();
            if (start < at || end > text.length()) {
                continue; // overlapping or out of range: leave it as text rather than cut wrongly
            }
            while (nextUrl < urls.size() && urls.get(nextUrl)[1] <= start) {
                at = addUrl(pieces, text, at, urls.get(nextUrl++));
            }
            if (nextUrl < urls.size() && urls.get(nextUrl)[0] < end) {
                continue; // part of a URL: the URL's link keeps it
            }
            if (start < at) {
                continue;
            }
            if (start > at) {
                pieces.add(text(text.substring(at, start)));
            }
            pieces.add(new NotesPiece(text.substring(start, end), true, t.startMs(), ClipTimes.seconds(t.startMs()),
                    null));
            at = end;
        }
        while (nextUrl < urls.size()) {
            at = addUrl(pieces, text, at, urls.get(nextUrl++));
        }
        if (at < text.length()) {
            pieces.add(text(text.substring(at)));
        }
        return pieces;
    }

    private static NotesPiece text(String text) {
        return new NotesPiece(text, false, 0, null, null);
    }

    private static int addUrl(List<NotesPiece> pieces, String text, int at, int[] span) {
        if (span[0] < at) {
            return at;
        }
        if (span[0] > at) {
            pieces.add(text(text.substring(at, span[0])));
        }
        String url = text.substring(span[0], span[1]);
        pieces.add(new NotesPiece(url, false, 0, null, url));
        return span[1];
    }

    /** Where http(s) URLs stand in {@code text}: [start, end) each, in order, trailing punctuation left out. */
    static List<int[]> urlSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0
                    && !(text.charAt(end - 1) == ')' && balanced(text.substring(m.start(), end)))) {
                end--;
            }
            String url = text.substring(m.start(), end);
            if (MediaLinks.isWebUrl(url)) {
                spans.add(new int[]{m.start(), end});
            }
        }
        return spans;
    }

    /** Whether the URL's parentheses pair up ({@code https://en.wikipedia.org/wiki/Foo_(bar)} keeps its ')'). */
    private static boolean balanced(String url) {
        return url.chars().filter(c -> c == '(').count() >= url.chars().filter(c -> c == ')').count();
    }

    /** HTML notes as text with their line structure: block ends become newlines (wholeText turns br into one). */
    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("p, li, div, h1, h2, h3, h4, h5, h6, tr").after("\n");
        for (Element a : doc.select("a[href]")) {
            // The link's target would be lost with the tag: written after its text, it becomes a link again.
            String href = a.attr("href").strip();
            if (MediaLinks.isWebUrl(href) && !a.text().contains(href)) {
                a.appendText(" (" + href + ")");
            }
        }
        return doc.body().wholeText().strip();
    }

    private static boolean looksLikeHtml(String notes) {
        return notes.matches("(?s).*<(p|br|a|ul|ol|li|div|span|strong|em|b|i|h[1-6])[\\s/>].*");
    }
}
