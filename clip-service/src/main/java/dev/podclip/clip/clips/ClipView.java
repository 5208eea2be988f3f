package dev.podclip.clip.clips;

import java.util.List;
import java.util.UUID;

/**
 * A clip as the API and the share page show it: its stored times with the episode's current context.
 *
 * @param id             the stored clip's id, or null for a stateless link
 * @param shareUrl       the share page
 * @param embedUrl       the embeddable player page
 * @param playUrl        a link that redirects to the registered media at the clip's start
 * @param episodeId      the episode
 * @param episodeVersion the read model's episode version this view was computed from
 * @param showTitle      the show's title
 * @param episodeTitle   the episode's title
 * @param title          the clip's own title, or null
 * @param displayTitle   what to call the clip: its title, else the chapter's, else the episode's with the range
 * @param startMs        start
 * @param endMs          end
 * @param durationMs     length
 * @param start          start for people ({@code 12:53})
 * @param end            end for people
 * @param duration       length for people
 * @param chapters       the chapters the clip spans
 * @param mediaUrl       the registered media URL with {@code #t=start,end}
 * @param youtubeUrl     the episode's YouTube video at the clip's start, or null
 * @param pageUrl        the episode's web page, or null
 * @param soundbite      the {@code <podcast:soundbite>} element
 * @param audioMp3Url    the clip's own audio as MP3 (rendered on first request), or null when there is no audio
 * @param audioM4aUrl    the same as M4A
 * @param video          the clip's captioned video in each format (rendered on first request), or null when there is
 *                       no audio
 */
public record ClipView(String id, String shareUrl, String embedUrl, String playUrl, UUID episodeId,
                       long episodeVersion, String showTitle, String episodeTitle, String title, String displayTitle,
                       long startMs, long endMs, long durationMs, String start, String end, String duration,
                       List<ChapterSpan> chapters, String mediaUrl, String youtubeUrl, String pageUrl,
                       String soundbite, String audioMp3Url, String audioM4aUrl, VideoLinks video) {

    /** The video of a clip in its three shapes, dark theme (others by {@code theme=}). */
    public record VideoLinks(String square, String portrait, String landscape) {
    }

    /** Builds the view of a valid range of a live episode. Pure. */
    public static ClipView of(ClipRef ref, String baseUrl, String title, ClipRange range, EpisodeContext episode) {
        if (episode.deleted()) {
            throw new IllegalArgumentException("a deleted episode has no clip view");
        }
        List<ChapterSpan> spans = ChapterSpan.spanned(episode.chapters(), range);
        String display = displayTitle(title, ref, spans, range, episode);
        return new ClipView(ref.clipId(), ref.shareUrl(baseUrl), ref.embedUrl(baseUrl), ref.playUrl(baseUrl),
                episode.episodeId(), episode.version(), episode.showTitle(), episode.episodeTitle(), title, display,
                range.startMs(), range.endMs(), range.durationMs(), ClipTimes.clock(range.startMs()),
                ClipTimes.clock(range.endMs()), ClipTimes.length(range.durationMs()), spans,
                MediaLinks.mediaUrl(episode.audioUrl(), range), MediaLinks.youtubeUrl(episode.videoUrl(), range),
                MediaLinks.isWebUrl(episode.pageUrl()) ? episode.pageUrl() : null,
                MediaLinks.soundbite(range, display), audioFile(ref, baseUrl, range, episode, "mp3"),
                audioFile(ref, baseUrl, range, episode, "m4a"), videoLinks(ref, baseUrl, range, episode));
    }

    private static VideoLinks videoLinks(ClipRef ref, String baseUrl, ClipRange range, EpisodeContext episode) {
        if (!MediaLinks.isWebUrl(episode.audioUrl())) {
            return null;
        }
        String base = ref.audioFileUrl(baseUrl, range, "mp4");
        String join = base.contains("?") ? "&" : "?";
        return new VideoLinks(base + join + "format=square", base + join + "format=portrait",
                base + join + "format=landscape");
    }

    /** The clip's audio file, when the episode has http(s) audio to cut it from. */
    private static String audioFile(ClipRef ref, String baseUrl, ClipRange range, EpisodeContext episode,
                                    String extension) {
        return MediaLinks.isWebUrl(episode.audioUrl()) ? ref.audioFileUrl(baseUrl, range, extension) : null;
    }

    private static String displayTitle(String title, ClipRef ref, List<ChapterSpan> spans, ClipRange range,
                                       EpisodeContext episode) {
        if (title != null) {
            return title;
        }
        if (ref.chapterIndex() >= 0) {
            for (ChapterSpan span : spans) {
                if (span.index() == ref.chapterIndex()) {
                    return span.title();
                }
            }
        }
        return episode.episodeTitle() + " (" + ClipTimes.clock(range.startMs()) + "–"
                + ClipTimes.clock(range.endMs()) + ")";
    }
}
