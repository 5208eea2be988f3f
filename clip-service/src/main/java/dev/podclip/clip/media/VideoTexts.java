package dev.podclip.clip.media;

import dev.podclip.chapters.Chapter;
import dev.podclip.clip.clips.ChapterSpan;
import dev.podclip.clip.clips.ClipRules;
import dev.podclip.clip.clips.ClipView;
import dev.podclip.clip.clips.EpisodeContext;
import dev.podclip.clip.clips.MediaLinks;
import dev.podclip.clip.transcripts.TranscriptViews.CueView;

import java.util.List;
import java.util.Locale;

/** What a clip's video shows, from the clip and its episode. Pure (VideoTextsTest). */
final class VideoTexts {

    private VideoTexts() {
    }

    static CaptionScript.Texts of(ClipView view, List<CueView> cues) {
        List<CaptionScript.Timed> chapters = view.chapters().stream()
                .map(span -> new CaptionScript.Timed(span.overlapStartMs(), span.overlapEndMs(), span.title()))
                .toList();
        List<CaptionScript.Timed> captions = cues.stream()
                .map(cue -> new CaptionScript.Timed(cue.startMs(), cue.endMs(), cue.text()))
                .toList();
        return new CaptionScript.Texts(view.showTitle(), view.episodeTitle(), initials(view.showTitle()), chapters,
                captions);
    }

    /** The artwork of the clip's first chapter when it has one, else the show's cover; null for none. */
    static String artworkUrl(ClipView view, EpisodeContext episode) {
        for (ChapterSpan span : view.chapters()) {
            int position = span.index() - ClipRules.FIRST_CHAPTER_INDEX;
            if (position >= 0 && position < episode.chapters().size()) {
                Chapter chapter = episode.chapters().get(position);
                if (MediaLinks.isWebUrl(chapter.imageUrl())) {
                    return chapter.imageUrl();
                }
            }
            break;
        }
        return MediaLinks.isWebUrl(episode.showImageUrl()) ? episode.showImageUrl() : null;
    }

    /** Up to two initials of a title's first words ({@code Database School} is {@code DS}); {@code ?} for none. */
    static String initials(String title) {
        StringBuilder initials = new StringBuilder();
        for (String word : title == null ? new String[0] : title.strip().split("\\s+")) {
            if (!word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0))) {
                initials.appendCodePoint(word.codePointAt(0));
                if (initials.length() >= 2) {
                    break;
                }
            }
        }
        return initials.length() == 0 ? "?" : initials.toString().toUpperCase(Locale.ROOT);
    }
}
