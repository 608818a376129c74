package org.pfptracker.platform.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.reference.ReferencePartner;
import org.pfptracker.platform.reference.ReferencePartners;
import org.pfptracker.platform.topic.PartitionSpread.Row;

/** The default partition count is the one the measured spread of the 22 partners argues for. */
class PartitionSpreadTest {

    private static final Map<String, Long> ACTIVITY = PartitionSpread.simulatedActivityEvents();

    @Test
    void shouldPlaceEachPartnerOnThePartitionKafkasProducerPicks() {
        StringSerializer keys = new StringSerializer();
        for (ReferencePartner partner : ReferencePartners.of2014()) {
            for (int partitions = 1; partitions <= PartitionSpread.MOST_PARTITIONS; partitions++) {
                assertThat(PartitionSpread.partitionOf(partner.partnerId(), partitions))
                        .as("%s of %d partitions", partner.partnerId(), partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(keys.serialize("t", partner.partnerId()), partitions));
            }
        }
    }

    @Test
    void shouldHaveMeasuredTheActivityOfExactlyTheReferencePartners() {
        // A partner added to the reference data changes the spread: re-measure (see the resource's header).
        assertThat(ACTIVITY.keySet()).containsExactlyInAnyOrderElementsOf(
                ReferencePartners.of2014().stream().map(ReferencePartner::partnerId).toList());
        assertThat(ACTIVITY.values()).allMatch(count -> count > 0);
    }

    @Test
    void shouldDefaultToTheCountLeavingNoPartitionEmptyWithTheLeastOnTheBusiestPartition() {
        // Given
        List<Row> table = PartitionSpread.table(ACTIVITY);
        System.out.print(PartitionSpread.markdown(table, PartitionSpread.table(PartitionSpread.simulatedEvents())));

        // When
        int defaultCount = Settings.of(Map.of()).get(KafkaSettings.TOPIC_PARTITIONS);
        Row chosen = PartitionSpread.spread(ACTIVITY, defaultCount);

        // Then
        assertThat(chosen.emptyPartitions()).as("partitions no partner reaches").isZero();
        assertThat(defaultCount).isEqualTo(PartitionSpread.best(table).partitions());
    }

    @Test
    void shouldReproduceTheSpreadThatRetiredTheOldDefaultOfSix() {
        Row six = PartitionSpread.spread(ACTIVITY, 6);

        assertThat(six.emptyPartitions()).isEqualTo(1);
        assertThat(six.busiestShare()).isGreaterThan(0.40);
    }
}
