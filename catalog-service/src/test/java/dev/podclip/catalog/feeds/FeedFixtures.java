package dev.podclip.catalog.feeds;

/** Feeds in the shapes real hosts produce (written for these tests). {BASE} is the test server's URL. */
final class FeedFixtures {

    private FeedFixtures() {
    }

    /** Libsyn / Buzzsprout style: itunes:duration in seconds and in H:MM:SS, RFC 822 dates with GMT and offsets. */
    static String hostedShow(String secondTitle) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
                  <channel>
                    <title>Database School</title>
                    <link>https://databaseschool.com</link>
                    <description>Talks about databases.</description>
                    <atom:link href="https://feeds.example.com/dbschool" rel="self" type="application/rss+xml"/>
                    <itunes:author>Try Hard Studios</itunes:author>
                    <itunes:image href="https://cdn.example.com/art.jpg"/>
                    <item>
                      <title>Indexes, explained</title>
                      <guid isPermaLink="false">libsyn-1001</guid>
                      <pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate>
                      <enclosure url="https://traffic.libsyn.com/dbschool/ep1.mp3" length="48211251" type="audio/mpeg"/>
                      <itunes:duration>4711</itunes:duration>
                      <description>Why &amp; how indexes work.</description>
                    </item>
                    <item>
                      <title>%s</title>
                      <guid isPermaLink="false">Buzzsprout-2002</guid>
                      <pubDate>Fri, 27 Jun 2025 12:00:00 -0400</pubDate>
                      <enclosure url="https://www.buzzsprout.com/1/2002.mp3" length="0" type="audio/mpeg"/>
                      <itunes:duration>1:18:05</itunes:duration>
                      <itunes:summary>Short notes</itunes:summary>
                      <link>https://databaseschool.com/episodes/2</link>
                    </item>
                    <item>
                      <title>A blog post, not an episode</title>
                      <guid>post-3</guid>
                      <pubDate>Sat, 28 Jun 2025 12:00:00 +0000</pubDate>
                    </item>
                  </channel>
                </rss>
                """.formatted(secondTitle);
    }

    /** podcast:chapters and podcast:transcript served by the same server, the modern namespace. */
    static String podcastNamespace(String base) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:podcast="https://podcastindex.org/namespace/1.0">
                  <channel>
                    <title>Namespace Show</title>
                    <link>https://ns.example.com</link>
                    <description>Uses podcast:chapters.</description>
                    <item>
                      <title>With chapters</title>
                      <guid>ns-1</guid>
                      <pubDate>Mon, 02 Jun 2025 08:00:00 +0000</pubDate>
                      <enclosure url="https://cdn.example.com/ns-1.mp3" length="1000" type="audio/mpeg"/>
                      <itunes:duration>30:00</itunes:duration>
                      <podcast:chapters url="{BASE}/chapters/ns-1.json" type="application/json+chapters"/>
                      <podcast:transcript url="{BASE}/transcripts/ns-1.txt" type="text/plain"/>
                      <podcast:transcript url="{BASE}/transcripts/ns-1.vtt" type="text/vtt"/>
                      <podcast:soundbite startTime="73.0" duration="60.0">The best minute</podcast:soundbite>
                    </item>
                  </channel>
                </rss>
                """.replace("{BASE}", base);
    }

    static final String CHAPTERS_JSON = """
            {"version":"1.2.0","chapters":[{"startTime":0,"title":"Intro"},{"startTime":120.5,"title":"Main part"}]}""";

    static final String TRANSCRIPT_VTT = """
            WEBVTT

            00:00:00.000 --> 00:00:04.000
            Welcome to the show.

            00:00:04.000 --> 00:00:09.000
            Today: chapters.
            """;

    /** Podlove Simple Chapters inline, in a WordPress Podlove Publisher shape; content:encoded in CDATA. */
    static final String PODLOVE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:psc="http://podlove.org/simple-chapters"
                 xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
              <channel>
                <title>Podlove Fest</title>
                <link>https://podlove.example.org</link>
                <description>German-style chapters.</description>
                <item>
                  <title>PF001 Anfang</title>
                  <guid isPermaLink="false">podlove-2025-06-01:pf001</guid>
                  <pubDate>Sun, 01 Jun 2025 18:30:00 +0200</pubDate>
                  <enclosure url="https://podlove.example.org/pf001.m4a" length="123" type="audio/mp4"/>
                  <itunes:duration>01:02:03</itunes:duration>
                  <description>Plain description</description>
                  <content:encoded><![CDATA[<p>Show notes with <b>HTML</b> & links: <a href="https://x.example">x</a></p>]]></content:encoded>
                  <psc:chapters version="1.2">
                    <psc:chapter start="00:00:00.000" title="Begrüßung"/>
                    <psc:chapter start="00:05:30.500" title="Thema &amp; Technik" href="https://podlove.org"/>
                    <psc:chapter start="00:40:00" title="Ausklang"/>
                  </psc:chapters>
                </item>
              </channel>
            </rss>
            """;

    /** CDATA descriptions full of HTML, a missing pubDate and title, guid missing but enclosure present. */
    static final String CDATA_HTML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0">
              <channel>
                <title><![CDATA[Café & Code]]></title>
                <link>https://cafe.example.com</link>
                <description><![CDATA[<p>About <em>code</em></p>]]></description>
                <item>
                  <description><![CDATA[<p>Notes</p><ul><li>00:00 Intro</li><li>02:13 Main</li></ul><script>x</script>]]></description>
                  <enclosure url="https://cafe.example.com/e1.mp3" type="audio/mpeg"/>
                </item>
              </channel>
            </rss>
            """;
}
