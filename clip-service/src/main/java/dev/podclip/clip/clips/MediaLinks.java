package dev.podclip.clip.clips;

import dev.podclip.support.text.XmlText;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/** Links and markup that point players at a clip. Pure. */
public final class MediaLinks {

    private static final Set<String> YOUTUBE_HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "music.youtube.com", "youtu.be", "www.youtu.be");
    /** Longest URL these helpers accept: URLs come from the catalog, so a longer one is a data error. */
    static final int MAX_URL_CHARS = 4_096;

    private MediaLinks() {
    }

    /** The W3C media fragment {@code t=start,end} in seconds with millisecond precision. */
    public static String fragment(ClipRange range) {
        return "t=" + ClipTimes.seconds(range.startMs()) + "," + ClipTimes.seconds(range.endMs());
    }

    /** The media URL with the clip's media fragment; any fragment the URL had is replaced. */
    public static String mediaUrl(String audioUrl, ClipRange range) {
        int hash = audioUrl.indexOf('#');
        String base = hash < 0 ? audioUrl : audioUrl.substring(0, hash);
        return base + "#" + fragment(range);
    }

    /** Whether a URL is something a browser may be sent to: absolute http or https. */
    public static boolean isWebUrl(String url) {
        if (url == null || url.length() > MAX_URL_CHARS) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * A YouTube link that starts at the clip ({@code t=} in whole seconds: YouTube reads no fractions), or null when
     * the video is not on YouTube. An existing {@code t} or {@code start} parameter is replaced.
     */
    public static String youtubeUrl(String videoUrl, ClipRange range) {
        if (!isWebUrl(videoUrl)) {
            return null;
        }
        URI uri = URI.create(videoUrl);
        if (!YOUTUBE_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return null;
        }
        StringJoiner query = new StringJoiner("&");
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !name.equals("t") && !name.equals("start")) {
                    query.add(pair);
                }
            }
        }
        query.add("t=" + range.startMs() / 1_000);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return "https://" + uri.getHost() + port + path + "?" + query;
    }

    /**
     * The Podcasting 2.0 {@code <podcast:soundbite>} element: startTime and duration in seconds, the title as text.
     */
    public static String soundbite(ClipRange range, String title) {
        String text = title == null ? "" : escapeXml(title);
        return "<podcast:soundbite startTime=\"" + ClipTimes.seconds(range.startMs()) + "\" duration=\""
                + ClipTimes.seconds(range.durationMs()) + "\">" + text + "</podcast:soundbite>";
    }

    /** Escapes text for XML and HTML content and attribute values. */
    public static String escapeXml(String raw) {
        return XmlText.escape(raw);
    }
}
