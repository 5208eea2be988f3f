package dev.podclip.clip.transcripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podclip.chapters.ChapterList;
import dev.podclip.chapters.Transcript;
import dev.podclip.chapters.TranscriptFormat;
import dev.podclip.chapters.boundary.BoundaryPolicy;
import dev.podclip.chapters.notes.ShowNotes;
import dev.podclip.chapters.time.Durations;
import dev.podclip.chapters.transcript.Transcripts;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's synthetic transcript reads cleanly and follows its episode's chapters: every chapter gets cues. */
class DemoTranscriptTest {

    static final Path DEMO = Path.of("../demo");
    static final String SLUG = "rewriting-sqlite-from-prison-with-preston-thorpe";

    @Test
    void everyChapterOfTheFirstSeedEpisodeHasSyntheticCues() throws Exception {
        byte[] bytes = Files.readAllBytes(DEMO.resolve("transcripts").resolve(SLUG + ".vtt"));
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains("NOTE")
                .contains("SYNTHETIC TRANSCRIPT");
        Transcript transcript = Transcripts.read(bytes, TranscriptFormat.VTT);
        assertThat(transcript.warnings()).isEmpty();
        assertThat(transcript.cues()).hasSizeBetween(30, 60);

        JsonNode episode = null;
        for (JsonNode e : new ObjectMapper().readTree(DEMO.resolve("database-school.json").toFile()).get("episodes")) {
            if (e.get("slug").asText().equals(SLUG)) {
                episode = e;
            }
        }
        assertThat(episode).isNotNull();
        ChapterList chapters = ShowNotes.parseChapters(episode.get("showNotes").asText(),
                Durations.parseHuman(episode.get("duration").asText()).orElse(null), BoundaryPolicy.DEFAULTS);
        int[] indexes = Transcripts.chapterIndexes(chapters.chapters(), transcript.cues());
        for (int i = 0; i < chapters.chapters().size(); i++) {
            int chapter = i;
            assertThat(Arrays.stream(indexes).filter(x -> x == chapter).count())
                    .as("cues in chapter %d %s", i, chapters.chapters().get(i).title()).isPositive();
        }
    }
}
