package dev.podclip.clip.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where records go that cannot be read or applied. */
public interface DeadLetterSink {

    /**
     * Stores the record with the reason, durably, before its offset may be committed.
     *
     * @throws DeadLetterException when the record could not be stored (broker down): retry later
     */
    void send(ConsumerRecord<byte[], byte[]> record, Throwable reason);

    /** Failure to store a dead letter: an infrastructure problem, not the record's. */
    final class DeadLetterException extends RuntimeException {
        public DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
