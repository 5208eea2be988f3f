package dev.podclip.clip.browse;

import dev.podclip.clip.search.SearchViews;
import dev.podclip.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowseModelsTest {

    @Test
    void pageNumbersAreWholeNumbersWithinTheirLimit() {
        assertThat(BrowseModels.page(null, 5)).isEqualTo(1);
        assertThat(BrowseModels.page("", 5)).isEqualTo(1);
        assertThat(BrowseModels.page("5", 5)).isEqualTo(5);
        for (String bad : List.of("0", "6", "-1", "+1", "1e2", " 1", "99999999999999999999", "١")) {
            assertThatThrownBy(() -> BrowseModels.page(bad, 5)).as(bad).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("from 1 to 5");
        }
        assertThat(BrowseModels.pages(0, 20)).isEqualTo(1);
        assertThat(BrowseModels.pages(21, 20)).isEqualTo(2);
    }

    @Test
    void hitsGroupByEpisodeInRankOrderWithLocalLinks() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String base = "https://clips.example";
        List<SearchViews.Hit> hits = List.of(hit(a, 90_000, base), hit(b, 0, base), hit(a, 10_000, base));
        List<BrowseViews.EpisodeHits> groups = BrowseModels.group(hits, base);
        assertThat(groups).extracting(BrowseViews.EpisodeHits::episodeId).containsExactly(a, b);
        assertThat(groups.get(0).hits()).extracting(BrowseViews.Hit::clock).containsExactly("1:30", "0:10");
        assertThat(groups.get(0).hits().get(0).shareHref()).isEqualTo("/e/" + a + "?t=80,120");
        assertThat(groups.get(0).hits().get(0).shareLabel()).isEqualTo("Share 1:20–2:00");
        assertThat(BrowseModels.local("https://elsewhere.example/x", base)).isEqualTo("https://elsewhere.example/x");
    }

    @Test
    void showLinksArtworkAndInitials() {
        assertThat(BrowseModels.showHref("a b/c")).isEqualTo("/shows/a%20b%2Fc");
        assertThat(BrowseModels.artwork("https://img.example/a.png")).isEqualTo("https://img.example/a.png");
        assertThat(BrowseModels.artwork("http://img.example/a.png")).isNull();
        assertThat(BrowseModels.artwork("javascript:alert(1)")).isNull();
        assertThat(BrowseModels.artwork("https://img.example/\"a")).isNull();
        assertThat(BrowseModels.initial("«école»")).isEqualTo("É");
        assertThat(BrowseModels.initial("…")).isEqualTo("?");
    }

    private static SearchViews.Hit hit(UUID episode, long startMs, String base) {
        long from = Math.max(0, startMs - 10_000);
        return new SearchViews.Hit(new SearchViews.EpisodeRef(episode, "T"), null, "transcript", startMs, "s", "s",
                1.0, base + "/e/" + episode + "?t=" + from / 1000 + "," + (startMs + 30_000) / 1000,
                base + "/episodes/" + episode + "?t=" + startMs / 1000);
    }
}
