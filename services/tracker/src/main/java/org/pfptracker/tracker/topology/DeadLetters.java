package org.pfptracker.tracker.topology;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the dead-letter record for a record the tracker could not read or apply: the original key
 * and value bytes untouched, so the record can be replayed, and why and where it came from in headers.
 *
 * <p>Header names are those of Kafka Streams' own dead-letter queue (KIP-1034), so tools written for
 * it read ours.
 */
final class DeadLetters {

    static final String HEADER_EXCEPTION = "__streams.errors.exception";
    static final String HEADER_MESSAGE = "__streams.errors.message";
    static final String HEADER_TOPIC = "__streams.errors.topic";
    static final String HEADER_PARTITION = "__streams.errors.partition";
    static final String HEADER_OFFSET = "__streams.errors.offset";
    static final String HEADER_STAGE = "pfp.errors.stage";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final String topic;
    private final TrackerCounters counters;

    DeadLetters(String topic, TrackerCounters counters) {
        this.topic = topic;
        this.counters = counters;
    }

    /** The records to write for one failure, after one log line (no stack trace: this is expected). */
    List<ProducerRecord<byte[], byte[]>> recordsFor(ErrorHandlerContext context, Exception exception, String stage) {
        String reason = reasonOf(exception);
        counters.deadLettered();
        log.warn("Dead-lettered a record from {}-{}@{} at the {} stage: {}", context.topic(), context.partition(),
                context.offset(), stage, reason);
        Headers headers = new RecordHeaders();
        context.headers().forEach(headers::add);
        headers.add(HEADER_EXCEPTION, utf8(exception.getClass().getName()));
        headers.add(HEADER_MESSAGE, utf8(reason));
        headers.add(HEADER_TOPIC, utf8(context.topic()));
        headers.add(HEADER_PARTITION, utf8(Integer.toString(context.partition())));
        headers.add(HEADER_OFFSET, utf8(Long.toString(context.offset())));
        headers.add(HEADER_STAGE, utf8(stage));
        // A record without a valid timestamp keeps none: the broker stamps it, rather than the send failing.
        Long timestamp = context.timestamp() >= 0 ? context.timestamp() : null;
        return List.of(new ProducerRecord<>(topic, null, timestamp, context.sourceRawKey(),
                context.sourceRawValue(), headers));
    }

    /** The most telling message: the root cause's, which names what was wrong. */
    static String reasonOf(Throwable exception) {
        Throwable cause = exception;
        StringBuilder reason = new StringBuilder(String.valueOf(exception.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null && !reason.toString().contains(cause.getMessage())) {
                reason.append(": ").append(cause.getMessage());
            }
        }
        return reason.toString();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
