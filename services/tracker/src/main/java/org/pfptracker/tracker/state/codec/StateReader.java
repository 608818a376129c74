package org.pfptracker.tracker.state.codec;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.BinaryDecoder;

/** Reads what {@link StateWriter} wrote, in the same order. */
public final class StateReader {

    private final BinaryDecoder in;

    StateReader(BinaryDecoder in) {
        this.in = in;
    }

    public int readInt() throws IOException {
        return in.readInt();
    }

    public long readLong() throws IOException {
        return in.readLong();
    }

    public byte[] readBytes() throws IOException {
        java.nio.ByteBuffer buffer = in.readBytes(null);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    public String readString() throws IOException {
        return in.readString();
    }

    public String readNullableString() throws IOException {
        return in.readIndex() == 0 ? null : in.readString();
    }

    public Instant readNullableInstant() throws IOException {
        return in.readIndex() == 0 ? null : Instant.ofEpochMilli(in.readLong());
    }

    public LocalDate readNullableDate() throws IOException {
        return in.readIndex() == 0 ? null : LocalDate.ofEpochDay(in.readInt());
    }

    public List<String> readStrings() throws IOException {
        int size = in.readInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.readString());
        }
        return values;
    }

    public <T> T readNullable(StateCodec<T> codec) throws IOException {
        return in.readIndex() == 0 ? null : codec.read(this);
    }

    public <T> List<T> readList(StateCodec<T> codec) throws IOException {
        int size = in.readInt();
        List<T> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(codec.read(this));
        }
        return values;
    }
}
