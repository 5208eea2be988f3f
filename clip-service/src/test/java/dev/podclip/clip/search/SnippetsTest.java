package dev.podclip.clip.search;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTest {

    private static final String S = String.valueOf(Snippets.START);
    private static final String E = String.valueOf(Snippets.STOP);

    @Test
    void markersBecomeBalancedMarksAndEverythingElseIsEscaped() {
        assertThat(Snippets.toHtml("a " + S + "quokka" + E + " <script>&\"'")).isEqualTo(
                "a <mark>quokka</mark> &lt;script&gt;&amp;&quot;&#39;");
        assertThat(Snippets.toHtml(E + "x" + S + S + "y")).isEqualTo("x<mark>y</mark>");
        assertThat(Snippets.toText(S + "a" + E + " b")).isEqualTo("a b");
    }

    @Test
    void shareWindowsAreClampedToTheEpisode() {
        assertThat(ShareWindows.window(5_000, null)).containsExactly(0, 35_000);
        assertThat(ShareWindows.window(100_000, 600_000L)).containsExactly(90_000, 130_000);
        assertThat(ShareWindows.window(590_000, 600_000L)).containsExactly(580_000, 600_000);
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(ShareWindows.shareUrl("https://p.dev", id, 70_500, null))
                .isEqualTo("https://p.dev/e/" + id + "?t=60.5,100.5");
    }
}
