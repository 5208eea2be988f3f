package dev.podclip.catalog;

import dev.podclip.catalog.outbox.OutboxRelay;
import dev.podclip.catalog.support.CatalogProfile;
import dev.podclip.events.EpisodeEvent;
import dev.podclip.events.EpisodeEventCodec;
import dev.podclip.events.EpisodeEventType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.podclip.catalog.support.Catalog.createEpisode;
import static dev.podclip.catalog.support.Catalog.createShow;
import static dev.podclip.catalog.support.Catalog.editor;
import static dev.podclip.catalog.support.Catalog.episode;
import static org.assertj.core.api.Assertions.assertThat;

/** With the relay paused, the outbox table shows exactly what each write's transaction left. */
@QuarkusTest
@TestProfile(CatalogProfile.class)
class OutboxTransactionTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    record Row(UUID episodeId, long version, String type, byte[] payload) {
    }

    @Test
    void aCommittedChangeLeavesItsEventAFailedOneLeavesNothing() throws SQLException {
        relay.pause();
        try {
            writesAndTheirRows();
        } finally {
            relay.resume();
        }
    }

    private void writesAndTheirRows() throws SQLException {
        String showId = createShow("outbox-show");
        String id = createEpisode(showId, "outbox-1");
        createEpisode(showId, "outbox-2");

        List<Row> afterCreate = rows(id);
        assertThat(afterCreate).hasSize(1);
        EpisodeEvent created = EpisodeEventCodec.fromJson(afterCreate.get(0).payload());
        assertThat(created.type()).isEqualTo(EpisodeEventType.UPSERTED);
        assertThat(created.episodeVersion()).isEqualTo(1);
        assertThat(created.episode().id()).isEqualTo(UUID.fromString(id));

        // The slug collides at the flush, after the outbox row was inserted: the whole transaction rolls back.
        Map<String, Object> clash = episode(showId, "outbox-2");
        clash.put("guid", "guid:outbox-1");
        editor().header("If-Match", "\"1\"").body(clash).put("/api/episodes/" + id).then().statusCode(409);
        assertThat(rows(id)).hasSize(1);
        io.restassured.RestAssured.given().get("/api/episodes/" + id).then().header("ETag", "\"1\"");

        long before = totalRows();
        editor().body(episode(showId, "outbox-1")).post("/api/episodes").then().statusCode(409);
        assertThat(totalRows()).isEqualTo(before);

        editor().delete("/api/episodes/" + id).then().statusCode(204);
        List<Row> afterDelete = rows(id);
        assertThat(afterDelete).extracting(Row::type)
                .containsExactly("episode.upserted", "episode.deleted", "tombstone");
        assertThat(afterDelete).extracting(Row::version).containsExactly(1L, 2L, 2L);
        assertThat(afterDelete.get(2).payload()).isNull();
    }

    private List<Row> rows(String episodeId) throws SQLException {
        String sql = "SELECT episode_id, episode_version, type, payload FROM outbox_events WHERE episode_id = ?"
                + " ORDER BY id";
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(episodeId));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getObject(1, UUID.class), result.getLong(2), result.getString(3),
                            result.getBytes(4)));
                }
            }
        }
        return rows;
    }

    private long totalRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM outbox_events");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
