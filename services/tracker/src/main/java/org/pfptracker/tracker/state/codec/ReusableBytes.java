package org.pfptracker.tracker.state.codec;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An unsynchronised, growable byte buffer that one thread fills again for every value it encodes.
 * Avro's direct encoder writes byte by byte; {@link java.io.ByteArrayOutputStream} takes a lock and
 * checks its capacity on each of those bytes, which cost about 8 % of the tracker's stream thread.
 */
final class ReusableBytes extends OutputStream {

    private byte[] buffer = new byte[256];
    private int size;

    void reset() {
        size = 0;
    }

    @Override
    public void write(int b) {
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
        }
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }
}
