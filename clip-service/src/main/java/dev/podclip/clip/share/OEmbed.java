package dev.podclip.clip.share;

import dev.podclip.clip.clips.ClipIds;
import dev.podclip.clip.clips.ClipRef;
import dev.podclip.clip.clips.ClipTimes;
import dev.podclip.clip.clips.ClipView;
import dev.podclip.clip.clips.MediaLinks;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** oEmbed (https://oembed.com) for this service's share URLs. Pure. */
public final class OEmbed {

    static final int MAX_URL_CHARS = 2_048;
    /** How long consumers may cache an answer, in seconds. */
    static final int CACHE_AGE_SECONDS = 3_600;
    /** The smallest player size honoured; smaller maxwidth/maxheight get this size (nothing fits in less). */
    static final int MIN_SIZE_PX = 100;
    private static final Pattern STORED = Pattern.compile("/c/(" + ClipIds.PATTERN.pattern() + ")/?");
    private static final Pattern EPISODE = Pattern.compile(
            "/e/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
                    + "(?:/chapters/(\\d{1,4}))?/?");

    private OEmbed() {
    }

    /**
     * The clip a URL names, if it is one of this service's share URLs (same scheme, host and port as the public
     * base URL, and a share path). Anything else is empty: oEmbed answers 404 for it.
     */
    public static Optional<ClipRef> parse(String url, String baseUrl) {
        if (url == null || url.length() > MAX_URL_CHARS) {
            return Optional.empty();
        }
        URI uri;
        URI base;
        try {
            uri = new URI(url);
            base = new URI(baseUrl);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (!sameOrigin(uri, base) || uri.getRawPath() == null) {
            return Optional.empty();
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
        if (!uri.getRawPath().startsWith(basePath)) {
            return Optional.empty();
        }
        String path = uri.getRawPath().substring(basePath.length());
        Matcher stored = STORED.matcher(path);
        if (stored.matches()) {
            return Optional.of(ClipRef.stored(stored.group(1)));
        }
        Matcher episode = EPISODE.matcher(path);
        if (!episode.matches()) {
            return Optional.empty();
        }
        UUID episodeId = UUID.fromString(episode.group(1));
        if (episode.group(2) != null) {
            return Optional.of(ClipRef.chapter(episodeId, Integer.parseInt(episode.group(2))));
        }
        long[] range = ClipTimes.parsePair(queryParam(uri.getRawQuery(), "t"));
        return range == null ? Optional.empty() : Optional.of(ClipRef.range(episodeId, range[0], range[1]));
    }

    /** The oEmbed "rich" answer: an iframe of the embed page, no larger than the consumer allows. */
    public static Map<String, Object> rich(ClipView clip, String providerName, String providerUrl, int widthPx,
                                           int heightPx, Integer maxWidthPx, Integer maxHeightPx) {
        int width = fit(widthPx, maxWidthPx);
        int height = fit(heightPx, maxHeightPx);
        String html = "<iframe src=\"" + MediaLinks.escapeXml(clip.embedUrl()) + "\" width=\"" + width
                + "\" height=\"" + height + "\" title=\"" + MediaLinks.escapeXml(clip.displayTitle())
                + "\" frameborder=\"0\" loading=\"lazy\" allow=\"autoplay\"></iframe>";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0");
        body.put("type", "rich");
        body.put("title", clip.displayTitle());
        body.put("author_name", clip.showTitle());
        body.put("provider_name", providerName);
        body.put("provider_url", providerUrl);
        body.put("cache_age", CACHE_AGE_SECONDS);
        body.put("width", width);
        body.put("height", height);
        body.put("html", html);
        return body;
    }

    static int fit(int preferredPx, Integer maxPx) {
        if (maxPx == null || maxPx >= preferredPx) {
            return preferredPx;
        }
        return Math.max(MIN_SIZE_PX, maxPx);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static String queryParam(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
