package dev.podclip.clip.search;

import dev.podclip.clip.TopicsResource;
import dev.podclip.clip.db.Database;
import dev.podclip.clip.db.TestSql;
import dev.podclip.clip.transcripts.TranscriptFixtures;
import dev.podclip.events.EpisodeSnapshot;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Search reads each source's index bucket by bucket (migration V350, {@link SearchLimits#SCAN_BUCKETS}): the
 * statement uses every bucket's partial index and no sequential scan, and bounds and totals count across buckets as
 * they did over one index. And the vectors it ranks are read from their row (migration V360).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class SearchBucketsTest {

    /** Episodes per bucket: every bucket holds some, so a count or a bound passes from one bucket to the next. */
    static final int EPISODES_PER_BUCKET = 2;
    /** Each episode's chapters, every one titled with "pangolin": more in all than the title bound. */
    static final int CHAPTERS_PER_EPISODE = 7;

    private static boolean loaded;
    private static final List<UUID> EPISODES = new ArrayList<>();

    @Inject
    TestSql sql;
    @Inject
    Database db;

    @BeforeEach
    void episodes() {
        if (loaded) {
            return;
        }
        loaded = true;
        int[] perBucket = new int[SearchLimits.SCAN_BUCKETS];
        while (EPISODES.size() < SearchLimits.SCAN_BUCKETS * EPISODES_PER_BUCKET) {
            UUID id = UUID.randomUUID();
            int bucket = bucket(id);
            if (perBucket[bucket] < EPISODES_PER_BUCKET) {
                perBucket[bucket]++;
                EPISODES.add(id);
            }
        }
        List<EpisodeSnapshot> snapshots = new ArrayList<>();
        for (UUID id : EPISODES) {
            StringBuilder chapters = new StringBuilder("{\"version\":\"1.2.0\",\"chapters\":[");
            for (int c = 0; c < CHAPTERS_PER_EPISODE; c++) {
                chapters.append(c == 0 ? "" : ",").append("{\"startTime\":").append(c * 60)
                        .append(",\"title\":\"Pangolin lore ").append(c).append(c == 3 ? ", the axolotl" : "")
                        .append("\"}");
            }
            snapshots.add(TranscriptFixtures.snapshot(id, 1, "Buckets " + id, "Notes about a tapir.",
                    chapters.append("]}").toString(), null));
        }
        snapshots.forEach(TranscriptFixtures::sendAndAwait);
    }

    private int bucket(UUID id) {
        return ((Number) sql.value("SELECT " + SearchService.bucketOf("?1::uuid"), id.toString())).intValue();
    }

    @Test
    void everyBucketIsReadThroughItsOwnIndexAndNothingSequentially() {
        for (boolean phrase : new boolean[]{false, true}) {
            String plan = genericPlan(SearchService.sql(phrase));
            for (String index : List.of("clip_transcript_cue_tsv_b", "clip_search_doc_chapter_tsv_b",
                    "clip_search_doc_notes_tsv_b")) {
                for (int b = 0; b < SearchLimits.SCAN_BUCKETS; b++) {
                    assertThat(plan).as("phrase %s", phrase).contains(" on " + index + b + " ");
                }
            }
            assertThat(plan).doesNotContain("Seq Scan");
        }
    }

    /** Ranking reads each notes candidate's vector: it is kept in the row, not in TOAST (migration V360). */
    @Test
    void searchVectorsAreStoredInTheirRow() {
        assertThat(sql.value("SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'clip_search_doc'::regclass"
                + " AND attname = 'tsv'")).isEqualTo("m");
    }

    /**
     * The plan the service's pooled connections keep after five runs, for a word: generic, and with sequential scans
     * priced out, so that only an index whose predicate the statement matches can be chosen.
     */
    private String genericPlan(String statement) {
        return db.call(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET plan_cache_mode = force_generic_plan");
                s.execute("SET enable_seqscan = off");
                s.execute("PREPARE bucket_plan(text, text, int, int, text, int, int, int) AS "
                        + statement.replaceAll("\\?(\\d)", "\\$$1"));
                try (ResultSet r = s.executeQuery("EXPLAIN EXECUTE bucket_plan('pangolin', 'pangolin', 10, 0, '"
                        + Snippets.headlineOptions() + "', 1000, 100, 100)")) {
                    StringBuilder plan = new StringBuilder();
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                    return plan.toString();
                } finally {
                    s.execute("DEALLOCATE bucket_plan");
                    s.execute("RESET plan_cache_mode");
                    s.execute("RESET enable_seqscan");
                }
            }
        });
    }

    @Test
    void aBoundFillsAcrossBucketsAndItsTotalIsALowerBound() {
        // 16 episodes x 7 titles = 112 "pangolin" titles: the title bound is reached part way through the buckets.
        JsonPath json = given().queryParam("q", "pangolin").queryParam("size", SearchLimits.MAX_PAGE_SIZE)
                .get("/api/search").then().statusCode(200).body("totalRelation", is("gte"))
                .body("total", is(SearchLimits.TITLE_CANDIDATES)).extract().jsonPath();
        assertThat(json.getList("items.kind", String.class)).containsOnly("chapter");
    }

    @Test
    void underTheBoundsEveryBucketsMatchesAreFoundAndCountedExactly() {
        JsonPath titles = given().queryParam("q", "axolotl").queryParam("size", SearchLimits.MAX_PAGE_SIZE)
                .get("/api/search").then().statusCode(200).body("totalRelation", is("eq"))
                .body("total", is(EPISODES.size())).extract().jsonPath();
        Set<String> found = new HashSet<>(titles.getList("items.episode.id", String.class));
        assertThat(found).containsExactlyInAnyOrderElementsOf(EPISODES.stream().map(UUID::toString).toList());
        assertThat(titles.getList("items.chapter.title", String.class)).containsOnly("Pangolin lore 3, the axolotl");

        JsonPath notes = given().queryParam("q", "tapir").queryParam("size", SearchLimits.MAX_PAGE_SIZE)
                .get("/api/search").then().statusCode(200).body("totalRelation", is("eq"))
                .body("total", is(EPISODES.size())).extract().jsonPath();
        assertThat(notes.getList("items.kind", String.class)).containsOnly("notes");
        assertThat(new HashSet<>(notes.getList("items.episode.id", String.class))).hasSize(EPISODES.size());
    }
}
