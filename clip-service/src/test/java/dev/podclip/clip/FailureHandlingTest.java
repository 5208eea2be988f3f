package dev.podclip.clip;

import dev.podclip.clip.db.TestSql;
import dev.podclip.support.db.DatabaseProbe;
import dev.podclip.testing.KafkaResource;
import dev.podclip.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * What failures do to events, made real with a trigger on the read model that raises the error a test names: a
 * failure that may pass (serialization failure, lock timeout) is retried until the event applies and never
 * dead-letters it; a failure nobody named is retried a few times, then the event is dead-lettered with the reason;
 * a tombstone alone (its delete event compacted away) deletes the episode.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TopicsResource.class)
class FailureHandlingTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestSql sql;
    @Inject
    DatabaseProbe database;

    /**
     * Raises {@code errcode} for inserts of the episode whose title is the trigger's, {@code times} times (0: always).
     */
    private void failInserts(String title, String errcode, int times) {
        sql.run("CREATE TABLE IF NOT EXISTS test_failures (title text PRIMARY KEY, errcode text, remaining int)");
        sql.run("INSERT INTO test_failures VALUES (?1, ?2, ?3)", title, errcode,
                times == 0 ? Integer.MAX_VALUE : times);
        // The counter is decremented outside the failing transaction (dblink is not available), so it is a
        // sequence: nextval survives the rollback that the raised error causes.
        sql.run("CREATE SEQUENCE IF NOT EXISTS test_failure_calls");
        sql.run("""
                    CREATE OR REPLACE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
                    DECLARE f test_failures%ROWTYPE;
                    BEGIN
                      SELECT * INTO f FROM test_failures WHERE title = NEW.title;
                      IF FOUND AND nextval('test_failure_calls') <= f.remaining THEN
                        RAISE EXCEPTION 'injected failure for %', NEW.title USING ERRCODE = f.errcode;
                      END IF;
                      RETURN NEW;
                    END $$""");
        sql.run("DROP TRIGGER IF EXISTS test_fail ON clip_episode");
        sql.run("CREATE TRIGGER test_fail BEFORE INSERT OR UPDATE ON clip_episode FOR EACH ROW"
                + " EXECUTE FUNCTION test_fail()");
        sql.run("ALTER SEQUENCE test_failure_calls RESTART");
    }

    @AfterEach
    void removeTrigger() {
        sql.run("DROP TRIGGER IF EXISTS test_fail ON clip_episode");
        sql.run("DROP TABLE IF EXISTS test_failures");
    }

    @Test
    void transientDatabaseErrorsAreRetriedNotDeadLettered() {
        UUID id = UUID.randomUUID();
        String title = "transient-" + id;
        failInserts(title, "40001", 5); // serialization_failure, five times: batch and record tries all meet it
        Fixtures.send(Fixtures.upsert(id, 1, title));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/episodes/{id}/chapters", id).then()
                .statusCode(200).body("version", is(1)));
        assertThat(Fixtures.deadLetters(id.toString())).isEmpty();
    }

    @Test
    void aLockTimeoutIsRetriedToo() {
        UUID id = UUID.randomUUID();
        String title = "locked-" + id;
        failInserts(title, "55P03", 3); // lock_not_available
        Fixtures.send(Fixtures.upsert(id, 1, title));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/episodes/{id}/chapters", id).then()
                .statusCode(200).body("version", is(1)));
        assertThat(Fixtures.deadLetters(id.toString())).isEmpty();
    }

    @Test
    void anUnnamedFailureIsTriedAFewTimesThenDeadLetteredWithItsReason() {
        UUID id = UUID.randomUUID();
        String title = "broken-" + id;
        failInserts(title, "P0001", 0); // raise_exception: the database names nothing retryable
        Fixtures.send(Fixtures.upsert(id, 1, title));
        UUID after = UUID.randomUUID();
        Fixtures.send(Fixtures.upsert(after, 1, "after the broken one"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Fixtures.deadLetters(id.toString())).hasSize(1));
        assertThat(Fixtures.header(Fixtures.deadLetters(id.toString()).get(0), "dlq-reason"))
                .contains("injected failure for " + title);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/episodes/{id}/chapters", after).then()
                .statusCode(200));
        assertThat(database.available()).isTrue();
    }

    @Test
    void aTombstoneAloneDeletesTheEpisode() {
        UUID id = UUID.randomUUID();
        Fixtures.send(Fixtures.upsert(id, 1, "soon compacted"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/episodes/{id}/chapters", id).then()
                .statusCode(200));

        Fixtures.sendTombstone(id, 2); // as if compaction had removed the episode.deleted before it

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/episodes/{id}/chapters", id).then()
                .statusCode(410));
        // An older upsert arriving later cannot revive it.
        Fixtures.send(Fixtures.upsert(id, 1, "soon compacted"));
        Fixtures.sendTombstone(id, 2);
        given().get("/api/episodes/{id}/chapters", id).then().statusCode(410);
        assertThat(Fixtures.deadLetters(id.toString())).isEmpty();
    }
}
