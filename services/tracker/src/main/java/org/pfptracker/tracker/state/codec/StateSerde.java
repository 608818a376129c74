package org.pfptracker.tracker.state.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of one kind of stored value (store entries, internal topics): one byte of format version,
 * then the value in Avro's binary encoding as its {@link StateCodec} lays it out.
 *
 * <p>Why this and not JSON (what the tracker stored before) or Avro with a registry: the tracker writes
 * several entries per event, so the encoding is on the hot path. Avro's binary encoding carries no
 * field names (an activity's facts take about a third of their JSON size) and reads with no parsing of
 * text. The format version in front lets a layout change ship with the reader of the old one: a rolling
 * upgrade reads what the previous version wrote. The internal state needs no registry subjects, so the
 * tracker needs no schema-registration rights for it.
 *
 * @param <T> the value
 */
public final class StateSerde<T> implements Serde<T> {

    /**
     * Each thread's encoder and decoder, reused: the stream thread encodes and decodes several values per
     * event, and query threads decode. A value is encoded or decoded whole before the next starts.
     */
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private final byte version;
    private final StateCodec<T> codec;

    private StateSerde(byte version, StateCodec<T> codec) {
        this.version = version;
        this.codec = codec;
    }

    /** The serde of values laid out by {@code codec}, format version 1. */
    public static <T> StateSerde<T> of(StateCodec<T> codec) {
        return new StateSerde<>((byte) 1, codec);
    }

    /** The value's bytes: the format version, then the value. */
    public byte[] encode(T value) {
        Workspace workspace = WORKSPACE.get();
        try {
            workspace.bytes.reset();
            workspace.bytes.write(version);
            codec.write(value, workspace.writer);
            workspace.encoder.flush();
            return workspace.bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of bytes written by {@link #encode}; fails on a format version this build cannot read. */
    public T decode(byte[] data) {
        if (data.length == 0 || data[0] != version) {
            throw new SerializationException("stored value of format version " + (data.length == 0 ? "(empty)" : data[0])
                    + " is not readable by this tracker, which reads version " + version);
        }
        try {
            Workspace workspace = WORKSPACE.get();
            return codec.read(workspace.readerOf(data));
        } catch (IOException e) {
            throw new SerializationException("stored value could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> data == null ? null : decode(data);
    }

    private static final class Workspace {
        final ReusableBytes bytes = new ReusableBytes();
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        final StateWriter writer = new StateWriter(encoder);
        private BinaryDecoder decoder;
        private StateReader reader;

        /** A reader of the value after the version byte; Avro reconfigures its decoder in place. */
        StateReader readerOf(byte[] data) {
            BinaryDecoder configured = DecoderFactory.get().binaryDecoder(data, 1, data.length - 1, decoder);
            if (configured != decoder) {
                decoder = configured;
                reader = new StateReader(configured);
            }
            return reader;
        }
    }
}
