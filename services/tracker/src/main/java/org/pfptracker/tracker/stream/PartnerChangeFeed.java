package org.pfptracker.tracker.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Finds out which partners changed, for the {@link ChangeStream}, by reading the views topic
 * ({@code pfp.partner-views.v1}): every instance reads every partition, so a page connected to any one
 * instance hears about every partner, whichever instance holds it.
 *
 * <p>Why the views topic, and not the event topics: a view is written there only once it is built, and
 * read with {@code read_committed} only once the exactly-once transaction that built it has committed, so
 * a page that re-reads the partner on a notice finds the change. It is a contract topic, so the feed does
 * not depend on the names of Kafka Streams' internal topics. The feed starts at the end (a page reads
 * everything when it connects, so history would say nothing) and commits no offsets: it belongs to no
 * consumer group and takes no partition from the Streams app.
 */
public final class PartnerChangeFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartnerChangeFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How often to look again for a topic not there yet. */
    private static final Duration TOPICS_RETRY = Duration.ofSeconds(1);

    private final org.apache.kafka.clients.consumer.Consumer<String, Void> consumer;
    private final List<String> topics;
    private final Consumer<Set<String>> changes;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean running = true;

    PartnerChangeFeed(org.apache.kafka.clients.consumer.Consumer<String, Void> consumer, List<String> topics,
                      Consumer<Set<String>> changes) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.changes = changes;
        this.thread = new Thread(this::run, "pfp-tracker-change-feed");
        this.thread.setDaemon(true);
    }

    /**
     * Starts reading the given topics, keyed by partner id.
     *
     * @param clientConfig where the cluster is and how to reach it (bootstrap servers, security)
     * @param topics the topics whose records say a partner changed (the views topic)
     * @param changes told the partners that changed in each batch read, e.g. {@link ChangeStream#partnersChanged}
     */
    public static PartnerChangeFeed start(Map<String, Object> clientConfig, List<String> topics, String clientId,
                                          Consumer<Set<String>> changes) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // Only what committed transactions applied: a page must find the change when it re-reads.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // Topics are provisioned with their settings (the views topic is compacted); a metadata request of
        // ours must never create one first.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // The values (whole views) are never read: only the key says who changed.
        Deserializer<Void> ignored = (topic, data) -> null;
        KafkaConsumer<String, Void> consumer = new KafkaConsumer<>(config, new StringDeserializer(), ignored);
        PartnerChangeFeed feed = new PartnerChangeFeed(consumer, topics, changes);
        feed.start();
        return feed;
    }

    /** Starts reading on the feed's own thread. */
    void start() {
        thread.start();
    }

    private void run() {
        try {
            if (assignEveryPartition()) {
                while (running) {
                    forward(consumer.poll(POLL));
                }
            }
        } catch (WakeupException e) {
            // close() wakes a blocked poll: the normal way out.
        } catch (RuntimeException e) {
            log.error("The change feed stopped: dashboards get no live updates from this instance until it restarts", e);
        } finally {
            consumer.close();
        }
    }

    /** Waits for the topics to exist, then takes all their partitions, from their end. */
    private boolean assignEveryPartition() {
        boolean waitingLogged = false;
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos;
                try {
                    infos = consumer.partitionsFor(topic);
                } catch (RetriableException e) {
                    // The cluster is starting or out of reach for now: look again, as for a topic not there yet.
                    infos = List.of();
                }
                if (infos == null || infos.isEmpty()) {
                    missing.add(topic);
                } else {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            if (missing.isEmpty()) {
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                log.info("Change feed reading {} partitions of {} for the live dashboard", partitions.size(), topics);
                return true;
            }
            if (!waitingLogged) {
                log.info("Change feed waiting for {} to exist", missing);
                waitingLogged = true;
            }
            if (awaitStop(TOPICS_RETRY)) {
                return false;
            }
        }
        return false;
    }

    private void forward(ConsumerRecords<String, Void> records) {
        if (records.isEmpty()) {
            return;
        }
        Set<String> changed = new LinkedHashSet<>();
        for (ConsumerRecord<String, Void> record : records) {
            if (record.key() != null) {
                changed.add(record.key());
            }
        }
        if (log.isDebugEnabled()) {
            for (String partnerId : changed) {
                try (MDC.MDCCloseable ignored = MDC.putCloseable("partnerId", partnerId)) {
                    log.debug("Partner changed; telling the stream clients");
                }
            }
        }
        changes.accept(changed);
    }

    private boolean awaitStop(Duration duration) {
        try {
            return closing.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops reading and waits for the consumer to close. */
    @Override
    public void close() {
        running = false;
        closing.countDown();
        consumer.wakeup();
        try {
            if (!thread.isAlive() || thread == Thread.currentThread()) {
                return;
            }
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
