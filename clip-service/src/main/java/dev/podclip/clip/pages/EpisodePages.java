package dev.podclip.clip.pages;

import dev.podclip.chapters.Timecode;
import dev.podclip.chapters.notes.ShowNotes;
import dev.podclip.clip.chapters.ChapterEntity;
import dev.podclip.clip.clips.ClipTimes;
import dev.podclip.clip.episodes.EpisodeEntity;
import dev.podclip.clip.pages.EpisodePage.ChapterItem;
import dev.podclip.clip.pages.EpisodePage.Line;
import dev.podclip.clip.pages.EpisodePage.NotesPiece;
import dev.podclip.clip.pages.EpisodePage.Section;
import dev.podclip.clip.transcripts.TranscriptViews;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.ArrayList;
import java.util.List;

/** Builds the episode page's model. Pure: the read model's rows in, plain text pieces out. */
public final class EpisodePages {

    /** Show notes shown on the page, in chars (the catalog allows 100,000). */
    static final int NOTES_MAX_CHARS = 100_000;

    private EpisodePages() {
    }

    static EpisodePage model(EpisodeEntity episode, List<ChapterEntity> chapters,
                             TranscriptViews.TranscriptView transcript, long startMs, String siteName) {
        List<ChapterItem> items = chapters.stream().map(c -> new ChapterItem(c.index, c.title, c.startMs,
                ClipTimes.seconds(c.startMs), TranscriptViews.clock(c.startMs))).toList();
        List<Section> sections = transcript == null ? List.of() : transcript.chapters().stream()
                .map(s -> new Section(s.index(), s.title(), s.startMs(), ClipTimes.seconds(s.startMs()),
                        TranscriptViews.clock(s.startMs()), s.cues().stream().map(c -> new Line(c.startMs(), c.endMs(),
                        ClipTimes.seconds(c.startMs()), TranscriptViews.clock(c.startMs()), c.speaker(), c.text()))
                        .toList()))
                .toList();
        return new EpisodePage(episode.episodeId, episode.title, episode.showTitle, episode.audioUrl,
                episode.durationMs == null ? null : TranscriptViews.clock(episode.durationMs), items,
                notes(episode.showNotes, episode.durationMs), sections, startMs, siteName);
    }

    /** The notes as text (HTML flattened), cut at each timecode into text and seek-link pieces. */
    static List<NotesPiece> notes(String showNotes, Long durationMs) {
        if (showNotes == null || showNotes.isBlank()) {
            return List.of();
        }
        String text = looksLikeHtml(showNotes) ? htmlToText(showNotes) : showNotes;
        if (text.length() > NOTES_MAX_CHARS) {
            text = text.substring(0, NOTES_MAX_CHARS);
        }
        List<NotesPiece> pieces = new ArrayList<>();
        int at = 0;
        for (Timecode t : ShowNotes.findTimecodes(text, durationMs)) {
            if (t.offset() < at || t.offset() + t.length() > text.length()) {
                continue; // overlapping or out of range: leave it as text rather than cut wrongly
            }
            if (t.offset() > at) {
                pieces.add(new NotesPiece(text.substring(at, t.offset()), false, 0, null));
            }
            pieces.add(new NotesPiece(text.substring(t.offset(), t.offset() + t.length()), true, t.startMs(),
                    ClipTimes.seconds(t.startMs())));
            at = t.offset() + t.length();
        }
        if (at < text.length()) {
            pieces.add(new NotesPiece(text.substring(at), false, 0, null));
        }
        return pieces;
    }

    /** HTML notes as text with their line structure: block ends become newlines (wholeText turns br into one). */
    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("p, li, div, h1, h2, h3, h4, h5, h6, tr").after("\n");
        return doc.body().wholeText().strip();
    }

    private static boolean looksLikeHtml(String notes) {
        return notes.matches("(?s).*<(p|br|a|ul|ol|li|div|span|strong|em|b|i|h[1-6])[\\s/>].*");
    }
}
