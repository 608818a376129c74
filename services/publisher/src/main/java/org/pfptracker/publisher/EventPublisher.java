package org.pfptracker.publisher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.core.config.Validator;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.platform.serde.EventSerdes;

/**
 * Publishes pfp-tracker events for JVM upstream systems.
 *
 * <p>Each event goes to its catalogue topic, keyed by its partner id so that everything about one
 * partner keeps its order. The producer is idempotent with {@code acks=all}: a returned receipt means
 * every in-sync replica has the event, and a retry inside the producer never writes it twice.
 * Thread-safe; share one instance per process.
 */
public final class EventPublisher implements AutoCloseable {

    /** W3C Trace Context header, passed through so a trace can follow an event across services. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    /** At most 24 days: the producer takes it in milliseconds as an int. */
    public static final Setting<Duration> DELIVERY_TIMEOUT = Setting.duration("publisher.delivery.timeout",
            "How long the publisher keeps retrying an event before reporting it as failed.")
            .withDefault(Duration.ofSeconds(30)).validatedBy(Validator.between(Duration.ofMillis(1), Duration.ofDays(24)));
    public static final Setting<Duration> LINGER = Setting.duration("publisher.linger",
            "How long the producer waits to fill a batch; a little latency buys much throughput.")
            .withDefault(Duration.ofMillis(5)).validatedBy(Validator.between(Duration.ZERO, Duration.ofMinutes(1)));

    private final Producer<String, SpecificRecord> producer;

    EventPublisher(Producer<String, SpecificRecord> producer) {
        this.producer = producer;
    }

    /** A publisher for the cluster and registry described by the settings. */
    public static EventPublisher create(Settings settings) {
        Map<String, Object> config = new HashMap<>(KafkaSettings.clientConfig(settings));
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.get(DELIVERY_TIMEOUT).toMillis());
        int linger = (int) settings.get(LINGER).toMillis();
        config.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        // The request timeout must leave room within the delivery timeout for at least one retry.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(30_000, settings.get(DELIVERY_TIMEOUT).toMillis() / 2 - linger));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "pfp-publisher");
        Serde<SpecificRecord> values = EventSerdes.eventValues(settings);
        return new EventPublisher(new KafkaProducer<>(config, new StringSerializer(), values.serializer()));
    }

    /** Publishes an event; the future completes once Kafka has it on every in-sync replica. */
    public CompletableFuture<PublishReceipt> publish(SpecificRecord event) {
        return publish(event, null);
    }

    /**
     * Publishes an event with the caller's W3C {@code traceparent}, or none when {@code null}.
     *
     * @throws IllegalArgumentException at once if the record is not an event of the catalogue, or if its
     *     {@code metadata.occurredAt} is before 1970-01-01T00:00:00Z, which no Kafka record timestamp can be
     */
    public CompletableFuture<PublishReceipt> publish(SpecificRecord event, String traceparent) {
        EventCatalogue.EventType type = EventCatalogue.typeOf(event);
        EventMetadata metadata = Events.metadataOf(event);
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(type.topic(), null,
                recordTimestamp(metadata), metadata.getPartnerId(), event);
        if (traceparent != null && !traceparent.isBlank()) {
            record.headers().add(TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<PublishReceipt> receipt = new CompletableFuture<>();
        try {
            producer.send(record, (written, failure) -> {
                if (failure != null) {
                    receipt.completeExceptionally(new PublishException(metadata.getEventId().toString(), type.topic(), failure));
                } else {
                    receipt.complete(new PublishReceipt(metadata.getEventId().toString(), written.topic(),
                            written.partition(), written.offset()));
                }
            });
        } catch (RuntimeException e) {
            // Serialisation and registry failures are thrown by send() itself, not given to the callback.
            receipt.completeExceptionally(new PublishException(metadata.getEventId().toString(), type.topic(), e));
        }
        return receipt;
    }

    /**
     * The Kafka record's timestamp: the event time, so that the log's time index and anything reading record
     * time (a Streams timestamp extractor, {@code offsetsForTimes}, retention) follow when things happened.
     *
     * <p>Kafka has no timestamp before 1970 (a negative one means "none"), so such an event is refused
     * here with a reason rather than with the producer's "Invalid timestamp: -1". Stamping it with the
     * broker's time instead was the other choice; it would make that one event's record time unlike every
     * other's, out of order with its partner's, while nothing in Partnership for Peace (1994 onwards)
     * happened before 1970: such a time is a mistake to report, not a fact to store.
     */
    private static long recordTimestamp(EventMetadata metadata) {
        Instant occurredAt = metadata.getOccurredAt();
        if (occurredAt.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("Event " + metadata.getEventId() + ": metadata.occurredAt must be at "
                    + "or after " + Instant.EPOCH + " (a Kafka record timestamp cannot be earlier), was " + occurredAt);
        }
        try {
            return occurredAt.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Event " + metadata.getEventId() + ": metadata.occurredAt is beyond "
                    + "what a Kafka record timestamp (milliseconds in a long) can hold, was " + occurredAt, e);
        }
    }

    /** Sends whatever is batched and waits for it. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
