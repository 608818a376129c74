package org.pfptracker.tracker.state.codec;

import java.io.IOException;

/**
 * How one kind of stored value is written in Avro's binary encoding: zig-zag varints, length-prefixed
 * strings, no field names. The fields are written in a fixed order that is this codec's schema; a
 * changed layout is a new format version (see {@link StateSerde}), and the reader of every older
 * version stays, so entries written by an older tracker are still read after an upgrade.
 *
 * @param <T> the value
 */
public interface StateCodec<T> {

    void write(T value, StateWriter out) throws IOException;

    T read(StateReader in) throws IOException;
}
