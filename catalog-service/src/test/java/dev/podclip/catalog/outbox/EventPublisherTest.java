package dev.podclip.catalog.outbox;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class EventPublisherTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    /** Fails the listed row ids with the future a metadata timeout gives, as send() does, without throwing. */
    static final class FlakyProducer extends MockProducer<String, byte[]> {
        private final Set<String> failing;
        private final Set<String> refused;

        FlakyProducer(Set<String> failingVersions) {
            this(failingVersions, Set.of());
        }

        /** @param refusedVersions fail as a broker refusing the record itself (too large) does */
        FlakyProducer(Set<String> failingVersions, Set<String> refusedVersions) {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
            this.failing = failingVersions;
            this.refused = refusedVersions;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            String key = record.key() + "@" + new String(record.headers().lastHeader("episode-version").value(),
                    StandardCharsets.UTF_8);
            if (failing.contains(key)) {
                return CompletableFuture.failedFuture(new TimeoutException("metadata not available"));
            }
            if (refused.contains(key)) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("larger than max.message.bytes"));
            }
            return super.send(record);
        }
    }

    private static OutboxRecord row(long id, UUID episode, long version) {
        return new OutboxRecord(id, UUID.randomUUID(), episode, version, "episode.upserted",
                "{}".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-11-25T12:00:00Z"));
    }

    private static final List<OutboxRecord> ROWS = List.of(row(1, A, 1), row(2, A, 2), row(3, B, 1), row(4, A, 3),
            row(5, B, 2));

    @Test
    void everythingGoesOutInEpisodeOrder() {
        FlakyProducer kafka = new FlakyProducer(Set.of());

        EventPublisher.Delivery delivery = EventPublisher.publish(kafka, ROWS);

        assertThat(delivery.failure()).isNull();
        assertThat(delivery.ackedIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(kafka.history().stream().filter(r -> r.key().equals(A.toString())).map(EventPublisherTest::version))
                .containsExactly("1", "2", "3");
        assertThat(kafka.history().stream().filter(r -> r.key().equals(B.toString())).map(EventPublisherTest::version))
                .containsExactly("1", "2");
    }

    @Test
    void aFailedRowHoldsBackTheRestOfItsEpisodeOnly() {
        FlakyProducer kafka = new FlakyProducer(Set.of(A + "@1"));

        EventPublisher.Delivery delivery = EventPublisher.publish(kafka, ROWS);

        assertThat(delivery.failure()).isInstanceOf(TimeoutException.class);
        assertThat(delivery.rowFailures()).containsOnlyKeys(1L);
        assertThat(delivery.transientFailure()).isTrue();
        // A's later versions were never sent: sending them after a failed version 1 would reorder the episode.
        assertThat(kafka.history()).extracting(ProducerRecord::key).doesNotContain(A.toString());
        // B is not held back by A: both its versions went out, in order.
        assertThat(delivery.ackedIds()).containsExactly(3L, 5L);
    }

    @Test
    void aRefusedRecordIsTheRowsOwnFailure() {
        FlakyProducer kafka = new FlakyProducer(Set.of(), Set.of(B + "@1"));

        EventPublisher.Delivery delivery = EventPublisher.publish(kafka, ROWS);

        assertThat(delivery.rowFailures()).containsOnlyKeys(3L);
        assertThat(delivery.rowFailures().get(3L)).isInstanceOf(RecordTooLargeException.class);
        assertThat(PublishFailures.isPermanent(delivery.rowFailures().get(3L))).isTrue();
        assertThat(delivery.transientFailure()).isFalse();
        assertThat(delivery.ackedIds()).containsExactly(1L, 2L, 4L);
    }

    @Test
    void onlyRecordLevelRefusalsArePermanent() {
        assertThat(PublishFailures.isPermanent(new RecordTooLargeException("big"))).isTrue();
        assertThat(PublishFailures.isPermanent(new TimeoutException("slow"))).isFalse();
        assertThat(PublishFailures.isPermanent(new TopicAuthorizationException("no"))).isFalse();
        assertThat(PublishFailures.isPermanent(new OutOfOrderSequenceException("seq"))).isFalse();
    }

    private static String version(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("episode-version").value(), StandardCharsets.UTF_8);
    }
}
