package dev.podclip.clip.browse;

import dev.podclip.clip.browse.BrowseViews.Episode;
import dev.podclip.clip.browse.BrowseViews.EpisodeHits;
import dev.podclip.clip.browse.BrowseViews.Hit;
import dev.podclip.clip.browse.BrowseViews.Show;
import dev.podclip.clip.clips.ClipTimes;
import dev.podclip.clip.search.SearchViews;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.qute.RawString;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds the browse pages' pieces from read-model rows and search hits. Pure. */
public final class BrowseModels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private BrowseModels() {
    }

    /** {@code /shows/{slug}}, the slug percent-encoded as a path segment. */
    public static String showHref(String slug) {
        return "/shows/" + URLEncoder.encode(slug, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String episodeHref(UUID episodeId) {
        return "/episodes/" + episodeId;
    }

    static Show show(BrowseRepository.ShowRow row) {
        String title = row.title() == null || row.title().isBlank() ? row.slug() : row.title();
        return new Show(row.slug(), title, row.slug() == null ? null : showHref(row.slug()),
                artwork(row.imageUrl()), initial(title), row.episodes());
    }

    /** The artwork URL when the page may load it (https: the pages' CSP allows no other remote images), else null. */
    public static String artwork(String imageUrl) {
        if (imageUrl == null || imageUrl.length() > 2_000) {
            return null;
        }
        try {
            URI uri = new URI(imageUrl);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? imageUrl : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The first letter of a title (a whole code point), upper case; "?" for none. */
    static String initial(String title) {
        if (title == null) {
            return "?";
        }
        java.util.OptionalInt first = title.codePoints().filter(Character::isLetterOrDigit).findFirst();
        return first.isPresent() ? new String(Character.toChars(first.getAsInt())).toUpperCase(Locale.ROOT) : "?";
    }

    static Episode episode(UUID id, String title, Show show, Instant publishedAt, Long durationMs, String durationText,
                           int chapterCount) {
        String duration = durationMs != null ? ClipTimes.clock(durationMs) : durationText;
        return new Episode(id, title, episodeHref(id), show, publishedAt == null ? null : publishedAt.toString(),
                publishedAt == null ? null : DAY.format(publishedAt), duration, chapterCount);
    }

    /**
     * A page number as people write it, from 1; null or empty is the first page.
     *
     * @throws ProblemException 400 when it is not a whole number from 1 to {@code maxPage}
     */
    static int page(String raw, int maxPage) {
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        boolean digits = raw.length() <= BrowseLimits.PAGE_PARAM_MAX_CHARS && raw.chars().allMatch(c -> c >= '0'
                && c <= '9');
        int page = digits ? Integer.parseInt(raw) : 0;
        if (page < 1 || page > maxPage) {
            throw ProblemException.invalidField("page", "must be a whole number from 1 to " + maxPage,
                    "page: a whole number from 1 to " + maxPage).with("limit", maxPage);
        }
        return page;
    }

    /** Pages needed for {@code total} items, at least 1. */
    static int pages(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The page's hits grouped by episode, each group where its best hit ranks, hits in rank order within it. */
    static List<EpisodeHits> group(List<SearchViews.Hit> hits, String baseUrl) {
        Map<UUID, List<Hit>> byEpisode = new LinkedHashMap<>();
        Map<UUID, String> titles = new LinkedHashMap<>();
        for (SearchViews.Hit hit : hits) {
            UUID id = hit.episode().id();
            titles.putIfAbsent(id, hit.episode().title());
            byEpisode.computeIfAbsent(id, k -> new ArrayList<>()).add(hit(hit, baseUrl));
        }
        List<EpisodeHits> groups = new ArrayList<>();
        byEpisode.forEach((id, list) -> groups.add(new EpisodeHits(id, titles.get(id), episodeHref(id),
                List.copyOf(list))));
        return groups;
    }

    static Hit hit(SearchViews.Hit hit, String baseUrl) {
        String kind = switch (hit.kind()) {
            case "transcript" -> "Transcript";
            case "chapter" -> "Chapter title";
            case "notes" -> "Show notes";
            default -> hit.kind();
        };
        String shareHref = local(hit.shareUrl(), baseUrl);
        String shareLabel = "Share this moment";
        int t = shareHref.indexOf("?t=");
        if (t >= 0) {
            long[] range = ClipTimes.parsePair(shareHref.substring(t + 3));
            if (range != null) {
                shareLabel = "Share " + ClipTimes.clock(range[0]) + "–" + ClipTimes.clock(range[1]);
            }
        }
        return new Hit(kind, hit.chapter() == null ? null : hit.chapter().title(), ClipTimes.clock(hit.startMs()),
                new RawString(hit.snippetHtml()), shareHref, shareLabel, local(hit.pageUrl(), baseUrl));
    }

    /** A link of this service made relative, so the page works under whatever host it was reached by. */
    static String local(String url, String baseUrl) {
        return url.startsWith(baseUrl + "/") ? url.substring(baseUrl.length()) : url;
    }

    /** {@code ?q=…&page=n} of the search page. */
    static String searchHref(String query, int page) {
        return "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + (page > 1 ? "&page=" + page : "");
    }
}
