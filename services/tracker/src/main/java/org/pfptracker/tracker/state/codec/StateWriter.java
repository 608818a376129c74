package org.pfptracker.tracker.state.codec;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import org.apache.avro.io.BinaryEncoder;

/** Avro binary primitives, plus the nullable and temporal values the tracker's state is made of. */
public final class StateWriter {

    private final BinaryEncoder out;

    StateWriter(BinaryEncoder out) {
        this.out = out;
    }

    public void writeInt(int value) throws IOException {
        out.writeInt(value);
    }

    public void writeLong(long value) throws IOException {
        out.writeLong(value);
    }

    public void writeBytes(byte[] value) throws IOException {
        out.writeBytes(value);
    }

    public void writeString(String value) throws IOException {
        out.writeString(value);
    }

    /** As Avro writes a {@code ["null", "string"]} union: the branch, then the value. */
    public void writeNullableString(String value) throws IOException {
        out.writeIndex(value == null ? 0 : 1);
        if (value != null) {
            out.writeString(value);
        }
    }

    /** Milliseconds since the epoch, nullable. */
    public void writeNullableInstant(Instant value) throws IOException {
        out.writeIndex(value == null ? 0 : 1);
        if (value != null) {
            out.writeLong(value.toEpochMilli());
        }
    }

    /** Days since the epoch, nullable (Avro's {@code date}). */
    public void writeNullableDate(LocalDate value) throws IOException {
        out.writeIndex(value == null ? 0 : 1);
        if (value != null) {
            out.writeInt((int) value.toEpochDay());
        }
    }

    public void writeStrings(Collection<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeString(value);
        }
    }

    /** Writes a nullable value with its codec: the branch, then the value. */
    public <T> void writeNullable(T value, StateCodec<T> codec) throws IOException {
        out.writeIndex(value == null ? 0 : 1);
        if (value != null) {
            codec.write(value, this);
        }
    }

    public <T> void writeList(Collection<T> values, StateCodec<T> codec) throws IOException {
        out.writeInt(values.size());
        for (T value : values) {
            codec.write(value, this);
        }
    }
}
