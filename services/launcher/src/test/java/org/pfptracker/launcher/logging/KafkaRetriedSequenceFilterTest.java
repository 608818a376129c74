package org.pfptracker.launcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** KAFKA-18202's harmless broker ERROR is dropped; every other error of the broker's replica manager passes. */
class KafkaRetriedSequenceFilterTest {

    private final KafkaRetriedSequenceFilter filter = KafkaRetriedSequenceFilter.create();

    @Test
    void shouldDropTheRetriedSequenceErrorOfAProducerWithNoStateYet() {
        LogEvent event = brokerError(new OutOfOrderSequenceException("Invalid sequence number for producer 4 at offset 13"
                + " in partition p-4: 4 (incoming seq. number). Expected sequence 0 for transactions v2 idempotent"
                + " producer with no existing state."));

        assertThat(filter.filter(event)).isEqualTo(Filter.Result.DENY);
    }

    @Test
    void shouldLetOtherSequenceErrorsThrough() {
        LogEvent event = brokerError(new OutOfOrderSequenceException("Out of order sequence number for producer 4 at"
                + " offset 13 in partition p-4: 9 (incoming seq. number), 4 (current end sequence number)"));

        assertThat(filter.filter(event)).isEqualTo(Filter.Result.NEUTRAL);
    }

    @Test
    void shouldLetErrorsWithoutAnExceptionThrough() {
        assertThat(filter.filter(brokerError(null))).isEqualTo(Filter.Result.NEUTRAL);
    }

    private static LogEvent brokerError(Throwable thrown) {
        return Log4jLogEvent.newBuilder().setLoggerName("kafka.server.ReplicaManager").setLevel(Level.ERROR)
                .setMessage(new SimpleMessage("Error processing append operation on partition p-4")).setThrown(thrown)
                .build();
    }
}
