package dev.podclip.clip.pages;

import io.quarkus.qute.RawString;

import java.util.List;
import java.util.UUID;

/**
 * What the episode page shows; every string is plain text that the template escapes.
 *
 * @param notes    the show notes cut into text and seek-link pieces, in order
 * @param sections the transcript under chapter headings (empty without a transcript)
 * @param startMs  where the player starts ({@code ?t=}), 0 by default
 * @param showHref the show's page ({@code /shows/{slug}}), or null
 * @param imageUrl the show's https artwork for og:image, or null
 * @param warnings the engine's warnings about the chapter list, in words
 * @param details  the chapter list's version and when the read model last changed it
 * @param form     the clip maker form: its action, the values to show and what was wrong with them
 * @param maker    what the clip maker's script needs (the timeline, the clip rules' limits), or null when the
 *                 episode has no clip context yet
 * @param save     how "Save as clip" gets an editor's token, or null when the page cannot offer it (no sign-in)
 */
public record EpisodePage(UUID episodeId, String title, String showTitle, String audioUrl, String durationClock,
                          List<ChapterItem> chapters, List<NotesPiece> notes, List<Section> sections,
                          long startMs, String siteName, String showHref, String canonicalUrl, String description,
                          String imageUrl, List<WarningItem> warnings, Details details, ClipForm form,
                          Maker maker, Save save) {

    /** The episode's change stream, which the page's script follows to offer a reload. */
    public String streamHref() {
        return "/api/episodes/" + episodeId + "/chapters/stream";
    }

    /**
     * "Save as clip": the script asks {@code tokenHref} for an editor's token; without a session there (a 499) it
     * sends the person to {@code signInHref}, which comes back to this page. {@code development} marks the
     * development sign-in, which needs no {@code signInHref}.
     */
    public record Save(String tokenHref, String signInHref, boolean development) {

        public static Save developmentSignIn() {
            return new Save("/dev/sign-in", null, true);
        }

        public static Save identityProviderSignIn(UUID episodeId) {
            return new Save("/sign-in/token", "/sign-in?return=/episodes/" + episodeId, false);
        }
    }

    /**
     * The clip maker's timeline and rules, for the script to keep a dragged or selected range valid before the
     * server checks it. The timeline is drawn without script too, with the form's range highlighted.
     *
     * @param timelineSvg  the chapters to scale with the range highlighted ({@code Timeline}), markup built escaped
     * @param totalMs      the length the timeline spans
     * @param lastEndMs    the latest end the clip rules accept (the episode's length plus its slack), or null unknown
     * @param shareBase    the stateless share link without its {@code ?t=}: {@code <base>/e/<episodeId>}
     * @param rangeStartMs the highlighted range, as first drawn
     */
    public record Maker(RawString timelineSvg, long totalMs, Long lastEndMs, long minLengthMs, long maxLengthMs,
                        String shareBase, long rangeStartMs, long rangeEndMs) {
    }

    /**
     * A chapter; {@code length} is its duration as h:mm:ss and {@code lengthIso} the same as an ISO 8601 duration
     * for {@code <time datetime>} (both null when its end is unknown). {@code shareHref} is the stateless share link
     * of its range, null when the range is no valid clip (too long, end unknown); {@code clipStartMs} and
     * {@code clipEndMs} are that range (null with it).
     */
    public record ChapterItem(int index, String title, long startMs, String seconds, String clock, String length,
                              String lengthIso, String endClock, String shareHref, Long clipStartMs,
                              Long clipEndMs) {
    }

    /**
     * An engine warning: {@code words} says what it means, {@code message} is the engine's detail, {@code chapter}
     * names the chapter it is about ("chapter 2, Outro") or is null for the whole list.
     */
    public record WarningItem(String code, String words, String message, String chapter) {
    }

    /**
     * @param version        the episode's version in the read model (the chapter list computed for it)
     * @param source         where the chapters came from, in words ("the episode's chapters file"), or null
     * @param updatedIso     when the read model last wrote it, ISO 8601 UTC, for {@code <time datetime>}; null unknown
     * @param updatedText    the same for people ({@code 6 December 2026, 01:51 UTC})
     */
    public record Details(long version, String source, String updatedIso, String updatedText) {
    }

    /**
     * The clip maker's values: what the person typed (refilled after a mistake), the chapter chosen, and the
     * problem's words when the last try was invalid (null otherwise).
     */
    public record ClipForm(String action, String start, String end, String chapter, String error, String detail) {

        public ClipForm {
            start = start == null ? "" : start;
            end = end == null ? "" : end;
        }

        public boolean chapterSelected(int index) {
            return chapter != null && chapter.equals(Integer.toString(index));
        }
    }

    /**
     * Text; a seek link when {@code link} (its text is the timestamp as written); or, when {@code href} is set, a link
     * to that http(s) URL as written in the notes.
     */
    public record NotesPiece(String text, boolean link, long startMs, String seconds, String href) {
    }

    public record Section(Integer index, String title, long startMs, String seconds, String clock, List<Line> cues) {
    }

    public record Line(long startMs, long endMs, String seconds, String clock, String speaker, String text) {
    }
}
