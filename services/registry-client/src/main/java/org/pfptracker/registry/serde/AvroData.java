package org.pfptracker.registry.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Avro schema of a value handed to the serializer: a generated or generic record (or enum, or
 * fixed) carries its own; a Java primitive maps to the Avro primitive Confluent's serializer uses.
 */
final class AvroData {

    private AvroData() {
    }

    static Schema schemaOf(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        Schema.Type type;
        if (value instanceof CharSequence) {
            type = Schema.Type.STRING;
        } else if (value instanceof Integer) {
            type = Schema.Type.INT;
        } else if (value instanceof Long) {
            type = Schema.Type.LONG;
        } else if (value instanceof Boolean) {
            type = Schema.Type.BOOLEAN;
        } else if (value instanceof Float) {
            type = Schema.Type.FLOAT;
        } else if (value instanceof Double) {
            type = Schema.Type.DOUBLE;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            type = Schema.Type.BYTES;
        } else {
            throw new SerializationException("Cannot serialize a " + value.getClass().getName()
                    + " as Avro: expected a SpecificRecord, GenericRecord, or a String, Integer, Long, Boolean, "
                    + "Float, Double or byte[]");
        }
        return Schema.create(type);
    }

    /** Bytes are written raw after the header, without Avro's length prefix, as Confluent does. */
    static byte[] rawBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
