package org.pfptracker.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    /** A state-like record with dates as map keys, as the tracker keeps completions per day. */
    record PerDay(Map<LocalDate, Integer> counts) {
    }

    private final JsonSerde<PerDay> serde = new JsonSerde<>(PerDay.class);

    @Test
    void shouldRoundTripDatesUsedAsMapKeys() {
        PerDay original = new PerDay(new TreeMap<>(Map.of(LocalDate.of(2024, 2, 29), 3, LocalDate.of(1994, 2, 8), 1)));

        byte[] json = serde.serializer().serialize("t", original);
        PerDay read = serde.deserializer().deserialize("t", json);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"2024-02-29\":3");
        assertThat(read.counts()).containsExactlyInAnyOrderEntriesOf(original.counts());
    }

    @Test
    void shouldRefuseAnImpossibleDateKeyWithAClearError() {
        byte[] json = "{\"counts\":{\"2024-02-30\":1}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("PerDay");
    }
}
