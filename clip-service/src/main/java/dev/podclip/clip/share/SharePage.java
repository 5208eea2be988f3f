package dev.podclip.clip.share;

import dev.podclip.clip.clips.ClipView;
import io.quarkus.qute.RawString;

/**
 * What the share and embed templates show. Every string but {@link #timelineSvg} is escaped by Qute; the SVG is
 * built with its texts escaped by {@link Timeline}.
 *
 * @param clip          the clip
 * @param description   the card description (show, episode, range)
 * @param timelineSvg   the chapter timeline
 * @param oembedUrl     the oEmbed endpoint for this clip's share URL
 * @param mediaType     the media's MIME type, guessed from its file name
 * @param siteName      og:site_name
 * @param embedWidthPx  twitter:player width
 * @param embedHeightPx twitter:player height
 * @param imageUrl      card image, or null
 * @param transcript    the transcript cues of the clip's range (empty without a transcript)
 */
public record SharePage(ClipView clip, String description, RawString timelineSvg, String oembedUrl,
                        String mediaType, String siteName, int embedWidthPx, int embedHeightPx, String imageUrl,
                        java.util.List<dev.podclip.clip.transcripts.TranscriptViews.CueView> transcript) {
}
