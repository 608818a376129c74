package org.pfptracker.tracker.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A registry-free event serde for topology unit tests: the record's full name, then its Avro binary.
 * The topology does not care how events are framed, so its rules are tested without a registry; the
 * registry's wire format is tested with the real serde through a real broker.
 */
public final class SelfDescribingEventSerde implements Serde<SpecificRecord> {

    @Override
    public Serializer<SpecificRecord> serializer() {
        return (topic, record) -> {
            if (record == null) {
                return null;
            }
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] name = record.getSchema().getFullName().getBytes(StandardCharsets.UTF_8);
                out.write(ByteBuffer.allocate(4).putInt(name.length).array());
                out.write(name);
                BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
                new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
                encoder.flush();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public Deserializer<SpecificRecord> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                int length = buffer.getInt();
                if (length <= 0 || length > bytes.length - 4) {
                    throw new SerializationException("not a self-describing event");
                }
                String name = new String(bytes, 4, length, StandardCharsets.UTF_8);
                Class<?> type = Class.forName(name);
                org.apache.avro.Schema schema = SpecificData.get().getSchema(type);
                BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 4 + length, bytes.length - 4 - length, null);
                return new SpecificDatumReader<SpecificRecord>(schema).read(null, decoder);
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                throw new SerializationException("cannot read event: " + e.getMessage(), e);
            }
        };
    }
}
