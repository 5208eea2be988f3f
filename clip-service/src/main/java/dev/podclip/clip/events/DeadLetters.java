package dev.podclip.clip.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a failed record to the dead-letter topic: the original key and value bytes, the original headers, and
 * {@code dlq-*} headers saying why and where from (docs/clip-service.md lists them).
 */
public final class DeadLetters implements DeadLetterSink {

    public static final String HEADER_REASON = "dlq-reason";
    public static final String HEADER_EXCEPTION = "dlq-exception-class";
    public static final String HEADER_TOPIC = "dlq-original-topic";
    public static final String HEADER_PARTITION = "dlq-original-partition";
    public static final String HEADER_OFFSET = "dlq-original-offset";
    public static final String HEADER_TIMESTAMP = "dlq-original-timestamp";
    public static final String HEADER_GROUP = "dlq-consumer-group";
    public static final String HEADER_FAILED_AT = "dlq-failed-at";
    /** Reasons longer than this are cut: a header is for people and tools, not for stack traces. */
    static final int MAX_REASON_CHARS = 1_000;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String group;
    private final long timeoutMs;

    public DeadLetters(KafkaProducer<byte[], byte[]> producer, String topic, String group, long timeoutMs) {
        this.producer = producer;
        this.topic = topic;
        this.group = group;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public void send(ConsumerRecord<byte[], byte[]> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dlq-")) {
                headers.add(header);
            }
        }
        headers.add(HEADER_REASON, utf8(cut(reasonOf(reason))));
        headers.add(HEADER_EXCEPTION, utf8(rootOf(reason).getClass().getName()));
        headers.add(HEADER_TOPIC, utf8(record.topic()));
        headers.add(HEADER_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(HEADER_OFFSET, utf8(Long.toString(record.offset())));
        headers.add(HEADER_TIMESTAMP, utf8(Long.toString(record.timestamp())));
        headers.add(HEADER_GROUP, utf8(group));
        headers.add(HEADER_FAILED_AT, utf8(Instant.now().toString()));
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
        try {
            producer.send(out).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException("interrupted sending to " + topic, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new DeadLetterException("cannot send to " + topic + ": " + e, e);
        }
    }

    /** The poison exception's message says what was wrong; wrappers around it do not. */
    public static String reasonOf(Throwable reason) {
        for (Throwable t = reason; t != null; t = t.getCause()) {
            if (t instanceof PoisonRecordException) {
                return t.getMessage();
            }
        }
        Throwable root = rootOf(reason);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The exception that names the failure: the poison wrapper's cause when there is one, else the root. */
    static Throwable rootOf(Throwable reason) {
        for (Throwable t = reason; t != null; t = t.getCause()) {
            if (t instanceof PoisonRecordException && t.getCause() != null) {
                return t.getCause();
            }
        }
        Throwable root = reason;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 20) {
            root = root.getCause();
        }
        return root;
    }

    private static String cut(String text) {
        return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS) + "…";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
