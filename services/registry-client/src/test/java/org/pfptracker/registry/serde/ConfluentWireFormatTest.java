package org.pfptracker.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The bytes on the wire, against vectors computed by hand from the Avro specification: a zig-zag
 * varint for int and long (n -> (n << 1) ^ (n >> 31)), strings as a zig-zag length then UTF-8, all
 * after magic byte 0 and the schema id as four big-endian bytes.
 */
class ConfluentWireFormatTest {

    private static final Schema PAIR = new Schema.Parser().parse("""
            {"type": "record", "name": "Pair", "namespace": "org.pfptracker.test",
             "fields": [{"name": "s", "type": "string"}, {"name": "n", "type": "int"}]}""");

    @Test
    void shouldFrameARecordAsMagicByteIdAndZigZagBody() {
        // Given a registry that hands out id 7, and a record {s: "ab", n: 150}
        KafkaAvroSerializer serializer = serializer(new InMemoryRegistry(7));

        // When it is serialized
        byte[] bytes = serializer.serialize("pairs", pair("ab", 150));

        // Then: magic 0 | id 7 | "ab": length 2 -> zig-zag 4, 'a', 'b' | 150 -> zig-zag 300 = 0xAC 0x02
        assertThat(bytes).containsExactly(0x00, 0x00, 0x00, 0x00, 0x07, 0x04, 0x61, 0x62, 0xAC, 0x02);
    }

    @Test
    void shouldWriteTheSchemaIdBigEndianAndNegativeIntsZigZag() {
        // Given a registry whose first id is 0x01020304, and a record {s: "ab", n: -1}
        KafkaAvroSerializer serializer = serializer(new InMemoryRegistry(0x01020304));

        // When it is serialized
        byte[] bytes = serializer.serialize("pairs", pair("ab", -1));

        // Then the id bytes are in network order and -1 becomes zig-zag 1
        assertThat(bytes).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04, 0x04, 0x61, 0x62, 0x01);
    }

    @Test
    void shouldWritePrimitivesWithTheirAvroEncoding() {
        KafkaAvroSerializer serializer = serializer(new InMemoryRegistry(7));

        assertThat(serializer.serialize("t", "ab")).containsExactly(0x00, 0, 0, 0, 0x07, 0x04, 0x61, 0x62);
        assertThat(serializer.serialize("t", 1L)).containsExactly(0x00, 0, 0, 0, 0x08, 0x02);
        assertThat(serializer.serialize("t", -64)).containsExactly(0x00, 0, 0, 0, 0x09, 0x7F);
        assertThat(serializer.serialize("t", true)).containsExactly(0x00, 0, 0, 0, 0x0A, 0x01);
    }

    @Test
    void shouldWriteBytesRawWithoutALengthPrefixAsConfluentDoes() {
        KafkaAvroSerializer serializer = serializer(new InMemoryRegistry(7));

        assertThat(serializer.serialize("t", new byte[] {1, 2, 3})).containsExactly(0x00, 0, 0, 0, 0x07, 1, 2, 3);
    }

    @Test
    void shouldDecodeTheHandComputedVectorBackIntoTheRecord() {
        // Given the vector of the first test, and a registry holding the schema under id 7
        InMemoryRegistry registry = new InMemoryRegistry(7);
        registry.register("pairs-value", PAIR);
        byte[] vector = bytes(0x00, 0x00, 0x00, 0x00, 0x07, 0x04, 0x61, 0x62, 0xAC, 0x02);

        // When it is deserialized
        Object value = new KafkaAvroDeserializer(registry, Map.of(), false).deserialize("pairs", vector);

        // Then
        assertThat(value).isEqualTo(pair("ab", 150));
    }

    @Test
    void shouldRefuseAPayloadWithAnotherMagicByteSayingWhichByteItFound() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(new InMemoryRegistry(7), Map.of(), false);

        assertThatThrownBy(() -> deserializer.deserialize("pairs", bytes(0x01, 0, 0, 0, 7, 0x04, 0x61, 0x62)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x01")
                .hasMessageContaining("starts with 0x00");
    }

    @Test
    void shouldRefuseAPayloadShorterThanTheHeaderSayingHowLongItWas() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(new InMemoryRegistry(7), Map.of(), false);

        assertThatThrownBy(() -> deserializer.deserialize("pairs", bytes(0x00, 0, 7)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 byte(s)")
                .hasMessageContaining("needs 5");
    }

    @Test
    void shouldReadTheSchemaIdOfAFramedPayload() {
        assertThat(ConfluentWireFormat.schemaId(bytes(0x00, 0x7F, 0xFF, 0xFF, 0xFF))).isEqualTo(Integer.MAX_VALUE);
        assertThat(ConfluentWireFormat.header(258)).containsExactly(0x00, 0x00, 0x00, 0x01, 0x02);
    }

    private static KafkaAvroSerializer serializer(InMemoryRegistry registry) {
        return new KafkaAvroSerializer(registry, Map.of(), false);
    }

    private static GenericRecord pair(String s, int n) {
        GenericRecord record = new GenericData.Record(PAIR);
        record.put("s", s);
        record.put("n", n);
        return record;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
