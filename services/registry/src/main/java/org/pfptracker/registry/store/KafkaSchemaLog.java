package org.pfptracker.registry.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pfptracker.registry.RegistryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schemas topic as a replicated log: every instance reads it from the beginning into memory, and
 * every write goes through one protocol that keeps ids and versions unique across instances.
 *
 * <h2>Reading</h2>
 * A reader thread consumes the single partition with {@code isolation.level=read_committed} and hands
 * each entry to the registry's state. {@link #awaitCaughtUp()} asks the broker for the partition's
 * last stable offset and waits until the reader has passed it: the state then holds every committed
 * write. The server waits for this before it serves anything.
 *
 * <h2>Writing: one writer at a time, without a leader election</h2>
 * A new id is "the highest id in the log plus one", so two instances deciding at the same time from
 * the same state would hand out the same id. Confluent's registry avoids that by electing a leader
 * and forwarding writes to it. We let Kafka's transaction coordinator do the exclusion instead:
 * <ol>
 *   <li>Every instance writes with a transactional producer under the <em>same</em>
 *       {@code transactional.id} ({@code <topic>-writer}). {@code initTransactions()} bumps the
 *       producer epoch, which fences every other instance's producer, and first completes or aborts
 *       whatever transaction the previous holder had open.</li>
 *   <li>Within a transaction the instance reads the log to its last stable offset, decides from the
 *       now complete state (is the schema already there? is it compatible? which id and version?),
 *       sends, and commits.</li>
 *   <li>If any other instance initialised in the meantime, our send or commit fails with
 *       {@link ProducerFencedException} (or {@link InvalidProducerEpochException}) and nothing we sent
 *       becomes visible to read_committed readers. We drop the producer, initialise a new one (fencing
 *       the other in turn), re-read and decide again, a bounded number of times.</li>
 * </ol>
 * Why this is safe: a commit under epoch <i>e</i> succeeds only if no other instance initialised after
 * we got <i>e</i>; every other writer's transactions were completed before we got <i>e</i>; so nothing
 * was committed between our read and our commit except by us, and our decision was made on the
 * whole log. A producer is kept between writes and re-initialised only after it was fenced, so an
 * instance that writes alone pays one round trip per write, and two that alternate pay one
 * initialisation each time they take over. The cost is that writes are serial across the cluster,
 * which a schema registry, written to a few times a day, can afford.
 *
 * <p>Read-your-writes: a write returns only when the reader has consumed past the offset of its own
 * record, so the instance that answered "id 7" also answers GET /schemas/ids/7.
 */
final class KafkaSchemaLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final int MAX_WRITE_ATTEMPTS = 10;
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration READ_RETRY_PAUSE = Duration.ofSeconds(1);

    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Object> kafkaSettings;
    private final Map<String, String> producerOverrides;
    private final LogCodec codec = new LogCodec();
    private final Consumer<LogEntry> sink;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object writeLock = new Object();
    private final Object positionMonitor = new Object();

    private long position;
    private volatile boolean running = true;
    /** Why the last read of the topic failed, or {@code null} when it succeeded: what readiness reports. */
    private volatile String readFailure;
    private KafkaProducer<byte[], byte[]> producer;

    private KafkaSchemaLog(RegistryConfig config, Consumer<LogEntry> sink) {
        this.topic = config.topic();
        this.partition = new TopicPartition(config.topic(), 0);
        this.timeout = config.storeTimeout();
        this.sink = sink;
        this.kafkaSettings = new HashMap<>(config.kafkaOverrides());
        kafkaSettings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        this.producerOverrides = config.producerOverrides();
        this.admin = Admin.create(settings("admin", Map.of()));
        try {
            SchemasTopic.ensure(admin, topic, config.replicationFactor(), config.minInsyncReplicas(), timeout);
            this.consumer = new KafkaConsumer<>(settings("reader", consumerSettings(config)));
        } catch (RuntimeException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
        this.reader = new Thread(this::readLoop, "pfp-registry-reader-" + topic);
        reader.setDaemon(true);
    }

    /**
     * Creates or checks the topic, starts reading it, and returns once everything committed so far
     * has been handed to the sink.
     *
     * @param sink receives every entry, in log order, on the reader thread
     */
    static KafkaSchemaLog open(RegistryConfig config, Consumer<LogEntry> sink) {
        KafkaSchemaLog schemaLog = new KafkaSchemaLog(config, sink);
        schemaLog.reader.start();
        try {
            schemaLog.awaitCaughtUp();
            return schemaLog;
        } catch (RuntimeException e) {
            schemaLog.close();
            throw e;
        }
    }

    /** The topic's name. */
    String topic() {
        return topic;
    }

    /** How far the reader has read: the offset of the next record it will see. */
    long position() {
        synchronized (positionMonitor) {
            return position;
        }
    }

    /**
     * Waits until the reader has consumed every record committed before this call.
     *
     * @throws RegistryException 50002 on timeout, 50001 when the broker cannot be asked
     */
    void awaitCaughtUp() {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitPosition(lastStableOffset(deadline), deadline);
    }

    /**
     * The offset below which every record is committed or aborted. Retriable errors (a leader moving,
     * metadata of a new topic not yet everywhere) are retried until the deadline.
     */
    private long lastStableOffset(long deadlineNanos) {
        while (true) {
            long remaining = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
            try {
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .partitionResult(partition)
                        .get(remaining, TimeUnit.MILLISECONDS)
                        .offset();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadlineNanos) {
                    throw RegistryException.storeError("Cannot read the end offset of " + topic + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            } catch (TimeoutException e) {
                throw RegistryException.timeout("Timed out after " + timeout.toMillis() + " ms asking for the end offset of "
                        + topic, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryException.storeError("Interrupted while asking for the end offset of " + topic, e);
            }
        }
    }

    /**
     * Decides and writes under the single-writer protocol described on the class.
     *
     * @param decide called with the state caught up to the whole log, inside the transaction; may be
     *               called again after a fencing; may throw a {@link RegistryException} to refuse
     * @return the decision's result, once the entries it asked for are written and read back
     */
    <T> T write(Supplier<Decision<T>> decide) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (writeLock) {
            KafkaException lastFailure = null;
            for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS && System.nanoTime() < deadline; attempt++) {
                try {
                    return writeOnce(decide);
                } catch (KafkaException e) {
                    lastFailure = e;
                    discardProducer();
                    if (isFenced(e)) {
                        log.debug("Another registry instance took the writer role on {} (attempt {}); re-reading and retrying",
                                topic, attempt);
                    } else {
                        log.warn("Writing to {} failed (attempt {} of {}): {}", topic, attempt, MAX_WRITE_ATTEMPTS, e.toString());
                    }
                    // Two instances that fence each other back and forth drift apart by the jitter.
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(10, 50L * attempt)));
                }
            }
            String reason = lastFailure == null ? "time ran out" : lastFailure.toString();
            throw RegistryException.storeError("Could not write to schemas topic " + topic + ": " + reason, lastFailure);
        }
    }

    private <T> T writeOnce(Supplier<Decision<T>> decide) {
        KafkaProducer<byte[], byte[]> writer = producer();
        writer.beginTransaction();
        Decision<T> decision;
        try {
            awaitCaughtUp();
            decision = decide.get();
        } catch (RegistryException e) {
            abortQuietly(writer);
            throw e;
        }
        if (decision.entries().isEmpty()) {
            abortQuietly(writer);
            return decision.result();
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (LogEntry entry : decision.entries()) {
            sends.add(writer.send(new ProducerRecord<>(topic, partition.partition(), codec.key(entry), codec.value(entry))));
        }
        writer.commitTransaction();
        long lastOffset = -1;
        for (Future<RecordMetadata> send : sends) {
            lastOffset = Math.max(lastOffset, metadata(send).offset());
        }
        awaitPosition(lastOffset + 1, System.nanoTime() + timeout.toNanos());
        return decision.result();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Wake a write waiting to read its own record first, so that it gives up and releases the lock.
        synchronized (positionMonitor) {
            positionMonitor.notifyAll();
        }
        synchronized (writeLock) {
            discardProducer();
        }
        admin.close(Duration.ofSeconds(5));
    }

    /** Why the last read of the topic failed; empty while reads succeed. */
    public Optional<String> readFailure() {
        return Optional.ofNullable(readFailure);
    }

    private void readLoop() {
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (running) {
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                        apply(record);
                    }
                    advanceTo(consumer.position(partition));
                    readFailure = null;
                } catch (WakeupException e) {
                    // close() woke us; the loop condition decides.
                } catch (KafkaException e) {
                    log.warn("Reading schemas topic {} failed, retrying in {} ms: {}", topic, READ_RETRY_PAUSE.toMillis(), e.toString());
                    readFailure = e.toString();
                    LockSupport.parkNanos(READ_RETRY_PAUSE.toNanos());
                } catch (RuntimeException e) {
                    // Without its reader the instance would answer from a stale state forever: keep reading.
                    log.error("Unexpected failure reading schemas topic {}; retrying in {} ms", topic, READ_RETRY_PAUSE.toMillis(), e);
                    readFailure = e.toString();
                    LockSupport.parkNanos(READ_RETRY_PAUSE.toNanos());
                }
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            codec.decode(record.key(), record.value()).ifPresent(sink);
        } catch (RuntimeException e) {
            // One unreadable record must not stop the registry from serving all the others.
            log.warn("Skipping record at offset {} of {}: {}", record.offset(), topic, e.getMessage());
        }
    }

    private void advanceTo(long next) {
        synchronized (positionMonitor) {
            if (next > position) {
                position = next;
                positionMonitor.notifyAll();
            }
        }
    }

    private void awaitPosition(long target, long deadlineNanos) {
        synchronized (positionMonitor) {
            while (position < target) {
                if (!running) {
                    throw RegistryException.storeError("The registry is shutting down", null);
                }
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    throw RegistryException.timeout("Timed out after " + timeout.toMillis() + " ms reading " + topic
                            + " up to offset " + target + " (read up to " + position + ")", null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(positionMonitor, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryException.storeError("Interrupted while reading " + topic, e);
                }
            }
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(producerOverrides);
            settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic + "-writer");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(settings("writer", settings));
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private void abortQuietly(KafkaProducer<byte[], byte[]> writer) {
        try {
            writer.abortTransaction();
        } catch (KafkaException e) {
            // A fenced producer cannot abort; the next initTransactions() aborts for it.
            discardProducer();
        }
    }

    private static RecordMetadata metadata(Future<RecordMetadata> send) {
        try {
            return send.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting for a send", e);
        }
    }

    /**
     * Whether a failure means another instance took the writer role. With transactions v2 a commit
     * that loses the race may also come back as {@link InvalidTxnStateException}: the coordinator had
     * already aborted our transaction for the new holder.
     */
    private static boolean isFenced(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException
                    || cause instanceof InvalidTxnStateException) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> consumerSettings(RegistryConfig config) {
        Map<String, Object> settings = new HashMap<>(config.consumerOverrides());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return settings;
    }

    private Map<String, Object> settings(String role, Map<String, ?> specific) {
        Map<String, Object> settings = new HashMap<>(kafkaSettings);
        settings.putAll(specific);
        settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, "pfp-registry-" + instanceId + "-" + role);
        return settings;
    }

    /**
     * What a write decided: the entries to append (none when the answer is already in the log) and
     * the answer to give once they are.
     */
    record Decision<T>(List<LogEntry> entries, T result) {

        static <T> Decision<T> answer(T result) {
            return new Decision<>(List.of(), result);
        }

        static <T> Decision<T> append(LogEntry entry, T result) {
            return new Decision<>(List.of(entry), result);
        }

        /** Several entries, written in one transaction: readers see all of them or none. */
        static <T> Decision<T> appendAll(List<LogEntry> entries, T result) {
            return new Decision<>(List.copyOf(entries), result);
        }
    }
}
