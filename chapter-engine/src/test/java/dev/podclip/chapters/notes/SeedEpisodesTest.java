package dev.podclip.chapters.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.StatedDuration;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import dev.podclip.chapters.time.Durations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eight Database School episodes of the seed listing: chapter lists run together with no line breaks, stated
 * durations like {@code 1h 18m}, {@code 49 min}, {@code 1 hr}, six of them shorter than their chapter lists.
 * Show notes come byte for byte from demo/database-school.json; the expected chapters were read by hand into
 * src/test/resources/notes/database-school/ (every start and title, the last end, every warning).
 */
class SeedEpisodesTest {

    static final Path DEMO = Path.of("..", "demo", "database-school.json");
    static final String FIXTURES = "/notes/database-school/";
    static final String[] FIXTURE_FILES = {
        "1-rewriting-sqlite-from-prison-with-preston-thorpe.txt",
        "2-a-million-transactions-per-second-building-tigerbeetle-with-joran-greef.txt",
        "3-planetscale-postgres-with-ceo-sam-lambert.txt",
        "4-the-database-for-all-your-ai-needs.txt",
        "5-sharding-postgres-without-extensions-with-pgdog-founder-lev-kokotov.txt",
        "6-rewriting-sqlite-from-scratch-yes-really.txt",
        "7-vitess-for-postgres-with-the-co-founder-of-planetscale.txt",
        "8-planetscale-metal.txt",
    };

    record Expected(String slug, String duration, List<Long> startsMs, List<String> titles, Long lastEndMs,
                    List<String> warnings) {
    }

    static Stream<String> episodes() {
        return Stream.of(FIXTURE_FILES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("episodes")
    void every_chapter_start_title_and_warning_as_a_careful_reader_reads_them(String fixture) throws IOException {
        Expected expected = readFixture(fixture);
        JsonNode episode = episode(expected.slug());
        assertThat(episode.get("duration").asText()).isEqualTo(expected.duration());
        StatedDuration duration = Durations.parseHuman(expected.duration()).orElseThrow();

        ChapterList list = ShowNotes.parseChapters(episode.get("showNotes").asText(), duration,
                BoundaryPolicy.DEFAULTS);

        List<Long> starts = list.chapters().stream().map(Chapter::startMs).toList();
        List<String> titles = list.chapters().stream().map(Chapter::title).toList();
        assertThat(titles).containsExactlyElementsOf(expected.titles());
        assertThat(starts).containsExactlyElementsOf(expected.startsMs());
        for (int i = 0; i + 1 < list.chapters().size(); i++) {
            assertThat(list.chapters().get(i).endMs()).isEqualTo(list.chapters().get(i + 1).startMs());
        }
        assertThat(list.chapters().get(list.chapters().size() - 1).endMs()).isEqualTo(expected.lastEndMs());
        List<String> warnings = list.warnings().stream().map(SeedEpisodesTest::describe).toList();
        assertThat(warnings).containsExactlyElementsOf(expected.warnings());
    }

    static String describe(Warning warning) {
        return warning.code().wireName() + (warning.index() == null ? "" : " " + warning.index());
    }

    static JsonNode episode(String slug) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(DEMO, StandardCharsets.UTF_8));
        for (JsonNode episode : root.get("episodes")) {
            if (episode.get("slug").asText().equals(slug)) {
                return episode;
            }
        }
        throw new AssertionError("no episode " + slug + " in " + DEMO);
    }

    static Expected readFixture(String name) throws IOException {
        String text;
        try (InputStream in = SeedEpisodesTest.class.getResourceAsStream(FIXTURES + name)) {
            assertThat(in).as(name).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String slug = null;
        String duration = null;
        Long lastEndMs = null;
        List<Long> starts = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("slug ")) {
                slug = line.substring(5).strip();
            } else if (line.startsWith("duration ")) {
                duration = line.substring(9).strip();
            } else if (line.startsWith("end ")) {
                String end = line.substring(4).strip();
                lastEndMs = end.equals("unknown") ? null : Durations.parseTimestamp(end).orElseThrow();
            } else if (line.startsWith("warning ")) {
                warnings.add(line.substring(8).strip());
            } else {
                int bar = line.indexOf(" | ");
                starts.add(Durations.parseTimestamp(line.substring(0, bar)).orElseThrow());
                titles.add(line.substring(bar + 3));
            }
        }
        return new Expected(slug, duration, starts, titles, lastEndMs, warnings);
    }
}
