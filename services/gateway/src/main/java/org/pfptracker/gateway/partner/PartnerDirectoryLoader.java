package org.pfptracker.gateway.partner;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.pfptracker.core.config.Settings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.platform.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link PartnerDirectory} filled from the partners topic: reads it from the beginning, marks the
 * directory complete once it has reached the end offsets found at start-up, then keeps following the
 * topic so that partners joined through other publishers become known too.
 *
 * <p>The consumer is assigned every partition itself, with no consumer group: each gateway instance needs
 * every partner, and there are no offsets to commit because the whole topic is read at each start. The
 * topic holds only partner-life events (a few per partner), so reading it whole is cheap.
 */
public final class PartnerDirectoryLoader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartnerDirectoryLoader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    /** How often the topic's partition count is looked at again, so that added partitions are read too. */
    private static final Duration PARTITION_CHECK_INTERVAL = Duration.ofMinutes(1);
    /** Pause after an unexpected consumer failure before trying again, so a broken cluster is not hammered. */
    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Consumer<String, SpecificRecord> consumer;
    private final PartnerDirectory directory;
    private final String topic;
    private final Thread thread;
    /** Counted down by close(): ends the loop and cuts short any pause before a retry. */
    private final CountDownLatch closed = new CountDownLatch(1);

    private PartnerDirectoryLoader(Consumer<String, SpecificRecord> consumer, PartnerDirectory directory, String topic) {
        this.consumer = consumer;
        this.directory = directory;
        this.topic = topic;
        this.thread = new Thread(this::run, "pfp-gateway-partners");
        this.thread.setDaemon(true);
    }

    /** Starts reading the partners topic of the configured cluster into the directory, in the background. */
    public static PartnerDirectoryLoader start(Settings settings, PartnerDirectory directory) {
        Map<String, Object> config = new HashMap<>(KafkaSettings.clientConfig(settings));
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "pfp-gateway-partners");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A join in an aborted transaction never happened; end offsets are then the last stable offsets.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Looking for a topic that is not there yet must never create it with the broker's defaults.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                EventSerdes.eventValues(settings).deserializer());
        return start(consumer, directory, Topics.PARTNERS);
    }

    /** Starts reading with the given consumer, which the loader then owns and closes. */
    static PartnerDirectoryLoader start(Consumer<String, SpecificRecord> consumer, PartnerDirectory directory,
                                        String topic) {
        PartnerDirectoryLoader loader = new PartnerDirectoryLoader(consumer, directory, topic);
        loader.thread.start();
        return loader;
    }

    private void run() {
        long started = System.nanoTime();
        try {
            Set<TopicPartition> assigned = awaitPartitions();
            Map<TopicPartition, Long> startUpEnd = awaitEndOffsets(assigned);
            long nextPartitionCheck = System.nanoTime() + PARTITION_CHECK_INTERVAL.toNanos();
            while (!closing()) {
                try {
                    pollOnce();
                    if (!directory.isComplete() && reached(startUpEnd)) {
                        directory.markComplete();
                        log.info("Partner directory complete: {} partners read from {} in {} ms", directory.size(),
                                topic, Duration.ofNanos(System.nanoTime() - started).toMillis());
                    }
                    if (System.nanoTime() - nextPartitionCheck > 0) {
                        assigned = assignAddedPartitions(assigned);
                        nextPartitionCheck = System.nanoTime() + PARTITION_CHECK_INTERVAL.toNanos();
                    }
                } catch (RecordDeserializationException e) {
                    // A record we cannot read is no partner we can know: skip it, as the tracker dead-letters it.
                    log.warn("Skipping unreadable record {}-{}@{}: {}", e.topicPartition().topic(),
                            e.topicPartition().partition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    // A cluster that is down for a while must not stop the directory for good.
                    backOff("Reading " + topic + " failed", e);
                }
            }
        } catch (WakeupException e) {
            if (!closing()) {
                log.error("Partner directory loader woken up unexpectedly; it stops, and the gateway stays not ready", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Partner directory loader failed; it stops, and the gateway stays not ready", e);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    private void pollOnce() {
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(POLL_TIMEOUT)) {
            if (record.value() != null) {
                directory.learn(record.value());
            }
        }
    }

    /** The end offsets at start-up: the directory is complete once it has read that far. */
    private Map<TopicPartition, Long> awaitEndOffsets(Set<TopicPartition> partitions) throws InterruptedException {
        while (!closing()) {
            try {
                return consumer.endOffsets(partitions);
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                backOff("Cannot read the end offsets of " + topic, e);
            }
        }
        throw new WakeupException();
    }

    private void backOff(String what, KafkaException e) throws InterruptedException {
        log.warn("{}, retrying in {} s: {}", what, FAILURE_BACKOFF.toSeconds(), e.toString());
        pause();
    }

    /** Waits before trying again, but no longer once the loader is closing. */
    private void pause() throws InterruptedException {
        closed.await(FAILURE_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the topic exists, assigns all its partitions and seeks to their beginning. */
    private Set<TopicPartition> awaitPartitions() throws InterruptedException {
        boolean warned = false;
        while (!closing()) {
            Set<TopicPartition> partitions = partitionsOfTopic();
            if (!partitions.isEmpty()) {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                log.info("Partner directory reading {} ({} partitions) from the beginning", topic, partitions.size());
                return partitions;
            }
            if (!warned) {
                log.warn("Topic {} does not exist yet; the gateway is not ready until it does (pfp topics apply)", topic);
                warned = true;
            }
            pause();
        }
        throw new WakeupException();
    }

    private Set<TopicPartition> assignAddedPartitions(Set<TopicPartition> assigned) {
        Set<TopicPartition> current = partitionsOfTopic();
        Set<TopicPartition> added = new HashSet<>(current);
        added.removeAll(assigned);
        if (added.isEmpty()) {
            return assigned;
        }
        Set<TopicPartition> all = new HashSet<>(assigned);
        all.addAll(added);
        consumer.assign(all);
        consumer.seekToBeginning(added);
        log.info("Partner directory now also reads added partitions {}", added);
        return all;
    }

    private Set<TopicPartition> partitionsOfTopic() {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic);
        } catch (KafkaException e) {
            if (e instanceof WakeupException) {
                throw e;
            }
            log.debug("Cannot list the partitions of {} yet: {}", topic, e.toString());
            return Set.of();
        }
        Set<TopicPartition> partitions = new HashSet<>();
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private boolean reached(Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private boolean closing() {
        return closed.getCount() == 0;
    }

    @Override
    public void close() {
        closed.countDown();
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
