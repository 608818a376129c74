package org.pfptracker.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void shouldKeepThePrefixAndAddADifferentSuffixEachTime() {
        // When
        String first = UniqueNames.of("partner-events");
        String second = UniqueNames.of("partner-events");

        // Then
        assertThat(first).matches("partner-events-[0-9a-f]{12}");
        assertThat(second).matches("partner-events-[0-9a-f]{12}").isNotEqualTo(first);
    }

    @Test
    void shouldReplaceCharactersThatAreNotSafeInTopicNames() {
        // When
        String name = UniqueNames.of("pace.report_v2 / EAPC");

        // Then dots and underscores, which Kafka treats alike in metric names, are gone too
        assertThat(name).matches("pace-report-v2-EAPC-[0-9a-f]{12}");
    }

    @Test
    void shouldKeepNamesWellWithinKafkasTopicNameLimit() {
        // When
        String name = UniqueNames.of("x".repeat(300));

        // Then room is left for Kafka Streams' internal topic suffixes
        assertThat(name).hasSizeLessThanOrEqualTo(113);
    }
}
