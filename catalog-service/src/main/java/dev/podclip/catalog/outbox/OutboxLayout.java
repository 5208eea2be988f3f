package dev.podclip.catalog.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The number of outbox slots, as the database says ({@code outbox_settings}), read once per process. Every catalog
 * instance reads the same row, so writers agree on an episode's slot and relays on which slots exist, whatever each
 * instance's configuration says. Changing it is an operator's step on an empty outbox (docs/catalog-service.md).
 */
@ApplicationScoped
public class OutboxLayout {

    @Inject
    AgroalDataSource dataSource;

    private volatile int slots;

    public int slots() {
        int known = slots;
        if (known > 0) {
            return known;
        }
        synchronized (this) {
            if (slots == 0) {
                slots = read();
            }
            return slots;
        }
    }

    public int slotOf(UUID episodeId) {
        return OutboxSlots.slotOf(episodeId, slots());
    }

    private int read() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT slots FROM outbox_settings")) {
            if (!result.next()) {
                throw new IllegalStateException("outbox_settings has no row: the V110 migration did not run");
            }
            int count = result.getInt(1);
            if (count < 1 || count > OutboxSlots.MAX_SLOTS) {
                throw new IllegalStateException("outbox_settings.slots out of range: " + count);
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox layout: " + e.getMessage(), e);
        }
    }
}
