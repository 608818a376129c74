package org.pfptracker.tracker.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PartnerChangeFeedTest {

    private static final String VIEWS = "pfp.partner-views.v1";
    private static final String OTHER = "another-topic";

    private final MockConsumer<String, Void> consumer = new MockConsumer<>("latest");
    private final List<Set<String>> told = new CopyOnWriteArrayList<>();
    private PartnerChangeFeed feed;

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
    }

    @Test
    void shouldTellEachPartnerOfABatchOnceFromEveryPartitionOfEveryTopic() {
        // Given: two topics of two partitions each, all to be read from their end
        partitions(VIEWS, 2);
        partitions(OTHER, 2);
        feed = new PartnerChangeFeed(consumer, List.of(VIEWS, OTHER), told::add);
        feed.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.assignment().size() == 4);

        // When: a batch with the same partner twice, through both topics, on different partitions (whose order
        // between one another Kafka does not define)
        consumer.schedulePollTask(() -> {
            consumer.addRecord(new ConsumerRecord<>(VIEWS, 0, 7, "georgia", null));
            consumer.addRecord(new ConsumerRecord<>(VIEWS, 1, 3, "ukraine", null));
            consumer.addRecord(new ConsumerRecord<>(OTHER, 1, 5, "georgia", null));
        });

        // Then
        await().atMost(Duration.ofSeconds(10)).until(() -> !told.isEmpty());
        assertThat(told.get(0)).containsExactlyInAnyOrder("georgia", "ukraine");
    }

    @Test
    void shouldWaitForATopicNotThereYet() {
        // Given: one topic not there yet
        partitions(VIEWS, 1);
        feed = new PartnerChangeFeed(consumer, List.of(VIEWS, OTHER), told::add);
        feed.start();

        // When: it appears
        partitions(OTHER, 1);

        // Then
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.assignment().size() == 2);
    }

    private void partitions(String topic, int count) {
        List<PartitionInfo> infos = new java.util.ArrayList<>();
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        for (int partition = 0; partition < count; partition++) {
            infos.add(new PartitionInfo(topic, partition, null, null, null));
            ends.put(new TopicPartition(topic, partition), 0L);
        }
        consumer.updatePartitions(topic, infos);
        consumer.updateEndOffsets(ends);
    }
}
