package org.pfptracker.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.testsupport.event.TestEvents;

class PartnerDirectoryLoaderTest {

    private static final String TOPIC = "partners";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final MockConsumer<String, SpecificRecord> consumer = new MockConsumer<>("earliest");
    private final PartnerDirectory directory = new PartnerDirectory();
    private PartnerDirectoryLoader loader;

    @AfterEach
    void stopTheLoader() {
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void shouldBeCompleteOnlyOnceItHasReadUpToTheEndOffsetsFoundAtStartUp() {
        // Given a topic of two partitions holding two joins and a status change
        topicWithEndOffsets(2, 1);

        // When
        loader = PartnerDirectoryLoader.start(consumer, directory, TOPIC);
        await().atMost(PATIENCE).until(() -> !consumer.assignment().isEmpty());
        consumer.addRecord(record(P0, 0, joined("georgia")));
        consumer.addRecord(record(P0, 1, statusChanged("georgia")));

        // Then not complete while partition 1 is unread
        await().atMost(PATIENCE).until(() -> directory.isKnown("georgia"));
        assertThat(directory.isComplete()).isFalse();

        // And complete once it is
        consumer.addRecord(record(P1, 0, joined("armenia")));
        await().atMost(PATIENCE).until(directory::isComplete);
        assertThat(directory.size()).isEqualTo(2);
    }

    @Test
    void shouldKeepLearningJoinsOnceComplete() {
        // Given an empty topic, read to its end
        topicWithEndOffsets(0, 0);
        loader = PartnerDirectoryLoader.start(consumer, directory, TOPIC);
        await().atMost(PATIENCE).until(directory::isComplete);

        // When
        consumer.addRecord(record(P1, 0, joined("moldova")));

        // Then
        await().atMost(PATIENCE).until(() -> directory.isKnown("moldova"));
    }

    @Test
    void shouldKeepReadingAfterAFailedPoll() {
        // Given
        topicWithEndOffsets(1, 0);
        consumer.setPollException(new KafkaException("broker unreachable"));

        // When
        loader = PartnerDirectoryLoader.start(consumer, directory, TOPIC);
        await().atMost(PATIENCE).until(() -> !consumer.assignment().isEmpty());
        consumer.addRecord(record(P0, 0, joined("malta")));

        // Then
        await().atMost(PATIENCE).until(directory::isComplete);
        assertThat(directory.isKnown("malta")).isTrue();
    }

    @Test
    void shouldStayIncompleteWhileThePartnersTopicDoesNotExist() {
        loader = PartnerDirectoryLoader.start(consumer, directory, TOPIC);

        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> !directory.isComplete());
    }

    private void topicWithEndOffsets(long p0, long p1) {
        consumer.updatePartitions(TOPIC, List.of(
                new PartitionInfo(TOPIC, 0, null, null, null), new PartitionInfo(TOPIC, 1, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, p0, P1, p1));
    }

    private static ConsumerRecord<String, SpecificRecord> record(TopicPartition partition, long offset, SpecificRecord event) {
        String key = event instanceof PartnerJoined joined ? joined.getMetadata().getPartnerId() : "georgia";
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, key, event);
    }

    private static PartnerJoined joined(String partnerId) {
        return PartnerJoined.newBuilder()
                .setMetadata(metadata(partnerId))
                .setName(partnerId)
                .setFramework(Framework.EURO_ATLANTIC_PARTNERSHIP)
                .setJoinedOn(LocalDate.of(1994, 1, 1))
                .build();
    }

    private static PartnerStatusChanged statusChanged(String partnerId) {
        return PartnerStatusChanged.newBuilder()
                .setMetadata(metadata(partnerId))
                .setStatus(PartnerStatus.SUSPENDED)
                .setEffectiveOn(LocalDate.of(2014, 4, 1))
                .setReason(null)
                .build();
    }

    private static EventMetadata metadata(String partnerId) {
        return TestEvents.metadata(partnerId, LocalDate.of(1994, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
