package org.pfptracker.registry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalSchemaTest {

    @Test
    void shouldGiveTheSameTextForTheSameSchemaWrittenDifferently() {
        CanonicalSchema compact = CanonicalSchema.parse(
                "{\"type\":\"record\",\"name\":\"Partner\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        CanonicalSchema spacedAndReordered = CanonicalSchema.parse("""
                {
                  "fields": [ { "type": "string", "name": "id" } ],
                  "name": "Partner",
                  "type": "record"
                }""");

        assertThat(spacedAndReordered.text()).isEqualTo(compact.text());
    }

    @Test
    void shouldKeepDefaultsSoThatAddingOneMakesAnotherSchema() {
        CanonicalSchema without = CanonicalSchema.parse("""
                {"type": "record", "name": "Partner", "fields": [{"name": "id", "type": "string"}]}""");
        CanonicalSchema withDefault = CanonicalSchema.parse("""
                {"type": "record", "name": "Partner", "fields": [{"name": "id", "type": "string", "default": "none"}]}""");

        assertThat(withDefault.text()).isNotEqualTo(without.text()).contains("\"default\":\"none\"");
    }

    @Test
    void shouldRefuseTextThatIsNotAnAvroSchema() {
        assertThatThrownBy(() -> CanonicalSchema.parse("{\"type\": \"recrod\", \"name\": \"X\"}"))
                .isInstanceOf(InvalidAvroSchemaException.class)
                .hasMessageContaining("recrod");
        assertThatThrownBy(() -> CanonicalSchema.parse("not json"))
                .isInstanceOf(InvalidAvroSchemaException.class);
        assertThatThrownBy(() -> CanonicalSchema.parse(" "))
                .isInstanceOf(InvalidAvroSchemaException.class)
                .hasMessage("Empty schema");
    }

    @Test
    void shouldRefuseADefaultOfTheWrongType() {
        assertThatThrownBy(() -> CanonicalSchema.parse("""
                {"type": "record", "name": "Partner", "fields": [{"name": "size", "type": "int", "default": "big"}]}"""))
                .isInstanceOf(InvalidAvroSchemaException.class)
                .hasMessageContaining("size");
    }
}
