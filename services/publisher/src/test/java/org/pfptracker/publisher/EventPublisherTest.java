package org.pfptracker.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.testsupport.event.TestEvents;

/** The record the publisher makes of an event, without a broker; the broker's side is in EventPublisherIT. */
class EventPublisherTest {

    private final MockProducer<String, SpecificRecord> producer =
            new MockProducer<>(true, null, new StringSerializer(), (topic, event) -> new byte[0]);
    private final EventPublisher publisher = new EventPublisher(producer);

    @Test
    void shouldStampTheRecordWithTheEventTime() {
        // Given
        Instant occurredAt = Instant.parse("1994-03-23T10:15:30.123Z");

        // When
        publisher.publish(proposal(occurredAt));

        // Then
        assertThat(producer.history()).singleElement()
                .satisfies(record -> assertThat(record.timestamp()).isEqualTo(occurredAt.toEpochMilli()));
    }

    @Test
    void shouldAcceptTheEpochItself() {
        publisher.publish(proposal(Instant.EPOCH));

        assertThat(producer.history()).singleElement().satisfies(record -> assertThat(record.timestamp()).isZero());
    }

    @Test
    void shouldRefuseAnEventBefore1970NamingTheFieldAndSendNothing() {
        // Given: Kafka has no record timestamp before 1970
        ActivityProposed event = proposal(Instant.parse("1969-12-31T23:59:59.999Z"));

        // When / Then: a reason, not the producer's "Invalid timestamp: -1"
        assertThatThrownBy(() -> publisher.publish(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata.occurredAt", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
                        event.getMetadata().getEventId().toString());
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldRefuseAnEventTimeBeyondWhatARecordTimestampHolds() {
        assertThatThrownBy(() -> publisher.publish(proposal(Instant.MAX)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata.occurredAt");
        assertThat(producer.history()).isEmpty();
    }

    private static ActivityProposed proposal(Instant occurredAt) {
        return TestEvents.proposed("georgia", "a1", AreaOfCooperation.DEFENCE_REFORM, occurredAt);
    }
}
