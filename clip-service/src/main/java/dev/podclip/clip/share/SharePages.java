package dev.podclip.clip.share;

import dev.podclip.clip.clips.ClipView;
import dev.podclip.clip.clips.EpisodeContext;
import dev.podclip.clip.transcripts.TranscriptService;
import dev.podclip.clip.transcripts.TranscriptViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders share, embed and gone pages with the Qute templates under templates/share/. */
@ApplicationScoped
public class SharePages {

    @CheckedTemplate(basePath = "share")
    static class Templates {
        static native TemplateInstance clip(SharePage page);

        static native TemplateInstance embed(SharePage page);

        static native TemplateInstance gone(GonePage gone);

        static native TemplateInstance problem(ProblemPage problem);
    }

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "mp3", "audio/mpeg", "m4a", "audio/mp4", "mp4", "audio/mp4", "aac", "audio/aac", "ogg", "audio/ogg",
            "oga", "audio/ogg", "opus", "audio/ogg", "wav", "audio/wav", "flac", "audio/flac", "webm", "audio/webm");

    private final ShareConfig config;
    /** The clip's transcript lines (transcripts feature); null when constructed by hand in unit tests. */
    @Inject
    TranscriptService transcripts;

    @Inject
    public SharePages(ShareConfig config) {
        this.config = config;
    }

    public String page(ClipView clip, String timelineSvg) {
        return Templates.clip(model(clip, timelineSvg)).render();
    }

    public String embed(ClipView clip, String timelineSvg) {
        return Templates.embed(model(clip, timelineSvg)).render();
    }

    public String gone(String shareUrl) {
        return Templates.gone(new GonePage(shareUrl, config.providerName())).render();
    }

    /** A page for people about a link that does not resolve (unknown clip or episode, invalid range). */
    public String problem(int status, String detail) {
        String title = status == 404 ? "This clip does not exist" : "This clip link is not valid";
        return Templates.problem(new ProblemPage(status, title, detail, config.providerName())).render();
    }

    /** The timeline of a clip view over its episode's context. */
    public static String timeline(ClipView clip, EpisodeContext episode) {
        return Timeline.svg(episode.chapters(), episode.knownEndMs(),
                new dev.podclip.clip.clips.ClipRange(clip.startMs(), clip.endMs()));
    }

    /** The transcript cues overlapping the clip's range, in order; empty without a transcript. */
    public List<TranscriptViews.CueView> transcriptOf(ClipView clip) {
        return transcripts == null ? List.of() : transcripts.cuesBetween(clip.episodeId(), clip.startMs(), clip.endMs());
    }

    SharePage model(ClipView clip, String timelineSvg) {
        String description = "A " + clip.duration() + " clip (" + clip.start() + "–" + clip.end() + ") of "
                + clip.episodeTitle() + " from " + clip.showTitle()
                + (clip.chapters().isEmpty() ? "" : ", chapter " + clip.chapters().get(0).title());
        String oembedUrl = baseUrl() + "/oembed?format=json&url="
                + URLEncoder.encode(clip.shareUrl(), StandardCharsets.UTF_8);
        return new SharePage(clip, description, new RawString(timelineSvg), oembedUrl, mediaType(clip.mediaUrl()),
                config.providerName(), config.embedWidthPx(), config.embedHeightPx(), null, transcriptOf(clip));
    }

    String baseUrl() {
        String base = config.publicBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The media's MIME type from its file extension; audio/mpeg (the podcast default) when unknown. */
    static String mediaType(String mediaUrl) {
        String path = mediaUrl;
        int cut = path.indexOf('#');
        path = cut < 0 ? path : path.substring(0, cut);
        cut = path.indexOf('?');
        path = cut < 0 ? path : path.substring(0, cut);
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        if (dot < 0 || dot < slash) {
            return "audio/mpeg";
        }
        return MEDIA_TYPES.getOrDefault(path.substring(dot + 1).toLowerCase(Locale.ROOT), "audio/mpeg");
    }
}
