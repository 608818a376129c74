package org.pfptracker.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pfptracker.registry.client.CompatibilityLevel;

class LogCodecTest {

    private final LogCodec codec = new LogCodec();

    @Test
    void shouldWriteKeysInConfluentsLayoutWithAFixedFieldOrder() {
        // Compaction compares key bytes: the same key must always be the same bytes.
        assertThat(text(codec.key(new LogEntry.SchemaRegistered("partners-value", 3, 7, "\"string\""))))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"partners-value\",\"version\":3,\"magic\":1}");
        assertThat(text(codec.key(new LogEntry.CompatibilitySet(null, CompatibilityLevel.FULL))))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    }

    @Test
    void shouldReadBackWhatItWrites() {
        LogEntry schema = new LogEntry.SchemaRegistered("partners-value", 3, 7, "\"string\"");
        LogEntry config = new LogEntry.CompatibilitySet("partners-value", CompatibilityLevel.FORWARD_TRANSITIVE);

        assertThat(codec.decode(codec.key(schema), codec.value(schema))).contains(schema);
        assertThat(codec.decode(codec.key(config), codec.value(config))).contains(config);
    }

    @Test
    void shouldReadAConfigTombstoneAsRemovingTheLevel() {
        LogEntry removal = new LogEntry.CompatibilitySet("partners-value", null);

        assertThat(codec.value(removal)).isNull();
        assertThat(codec.decode(codec.key(removal), null)).contains(removal);
    }

    @Test
    void shouldWriteASoftDeleteAsTheVersionsRecordMarkedDeletedUnderTheSameKey() {
        // Given
        LogEntry registered = new LogEntry.SchemaRegistered("partners-value", 3, 7, "\"string\"");
        LogEntry softDeleted = new LogEntry.SchemaSoftDeleted("partners-value", 3, 7, "\"string\"");

        // Then: one key, so compaction keeps the deletion over the registration, and the schema with it
        assertThat(codec.key(softDeleted)).isEqualTo(codec.key(registered));
        assertThat(text(codec.value(softDeleted))).isEqualTo("{\"subject\":\"partners-value\",\"version\":3,\"id\":7,"
                + "\"schema\":\"\\\"string\\\"\",\"deleted\":true}");
        assertThat(codec.decode(codec.key(softDeleted), codec.value(softDeleted))).contains(softDeleted);
    }

    @Test
    void shouldWriteAPermanentDeleteAsATombstoneOnTheVersionsKey() {
        LogEntry removal = new LogEntry.SchemaPermanentlyDeleted("partners-value", 3);

        assertThat(codec.key(removal)).isEqualTo(codec.key(new LogEntry.SchemaRegistered("partners-value", 3, 7, "\"string\"")));
        assertThat(codec.value(removal)).isNull();
        assertThat(codec.decode(codec.key(removal), null)).contains(removal);
    }

    @Test
    void shouldReadBackTheHighestIdIssued() {
        LogEntry issued = new LogEntry.IdsIssued(42);

        assertThat(text(codec.key(issued))).isEqualTo("{\"keytype\":\"IDS_ISSUED\",\"magic\":0}");
        assertThat(codec.decode(codec.key(issued), codec.value(issued))).contains(issued);
    }

    @Test
    void shouldIgnoreRecordKindsThisRegistryDoesNotUse() {
        assertThat(codec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null)).isEmpty();
        assertThat(codec.decode(bytes("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}"),
                bytes("{\"subject\":\"s\",\"version\":2}"))).isEmpty();
    }

    @Test
    void shouldRefuseARecordThatIsNotInTheLayout() {
        assertThatThrownBy(() -> codec.decode(bytes("not json"), bytes("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key is not JSON");
        assertThatThrownBy(() -> codec.decode(bytes("{\"keytype\":\"SCHEMA\"}"), bytes("{\"subject\":\"s\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'version'");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
