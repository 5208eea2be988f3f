package dev.podclip.catalog.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedForMessageFormatException;

/**
 * Which publish failures belong to the row (parked at once, so its slot keeps moving) and which may be the broker's
 * or this producer's (the row waits and is retried). Pure.
 */
final class PublishFailures {

    /**
     * Failures of one row, each while the broker acknowledged other rows, after which the row is parked whatever the
     * error: a row-specific failure Kafka does not name must not hold its slot forever either.
     */
    static final int MAX_ROW_STRIKES = 10;

    private PublishFailures() {
    }

    /**
     * True when the broker refused the record itself: too large for the topic, an invalid record, a policy. Sending
     * the same bytes again can only fail again. Anything else (timeouts, a broker away, producer state, an
     * authorization error that refuses every row alike) is not the row's fault on its face.
     */
    static boolean isPermanent(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException || failure instanceof SerializationException
                || failure instanceof PolicyViolationException
                || failure instanceof UnsupportedForMessageFormatException;
    }
}
