package org.pfptracker.tracker.state.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import org.pfptracker.tracker.state.codec.StateCodec;
import org.pfptracker.tracker.state.codec.StateReader;
import org.pfptracker.tracker.state.codec.StateWriter;

/**
 * A small, immutable set of counters: code to count, sorted by code, zeros left out. What an entity
 * adds to its partner's figures, a day's change to them, or their running total at the end of a
 * quarter ({@link Tally}). The codes are {@link Figure}s, or days of lead time.
 */
public final class Counts {

    public static final Counts NONE = new Counts(new int[0], new int[0]);

    public static final StateCodec<Counts> CODEC = new StateCodec<>() {
        @Override
        public void write(Counts counts, StateWriter out) throws IOException {
            out.writeInt(counts.codes.length);
            int previous = 0;
            for (int i = 0; i < counts.codes.length; i++) {
                // Codes are sorted: their gaps are small varints.
                out.writeInt(counts.codes[i] - previous);
                out.writeInt(counts.values[i]);
                previous = counts.codes[i];
            }
        }

        @Override
        public Counts read(StateReader in) throws IOException {
            int size = in.readInt();
            int[] codes = new int[size];
            int[] values = new int[size];
            int previous = 0;
            for (int i = 0; i < size; i++) {
                codes[i] = previous + in.readInt();
                values[i] = in.readInt();
                previous = codes[i];
            }
            return new Counts(codes, values);
        }
    };

    private final int[] codes;
    private final int[] values;

    private Counts(int[] codes, int[] values) {
        this.codes = codes;
        this.values = values;
    }

    /** One counter. */
    public static Counts of(int code, int value) {
        return value == 0 ? NONE : new Counts(new int[] {code}, new int[] {value});
    }

    /** Builds counts one counter at a time, in any order. */
    public static Builder builder() {
        return new Builder();
    }

    public int get(int code) {
        int at = Arrays.binarySearch(codes, code);
        return at < 0 ? 0 : values[at];
    }

    public boolean isEmpty() {
        return codes.length == 0;
    }

    public int size() {
        return codes.length;
    }

    public int codeAt(int index) {
        return codes[index];
    }

    public int valueAt(int index) {
        return values[index];
    }

    public Counts plus(Counts other) {
        return merge(other, Integer::sum);
    }

    public Counts minus(Counts other) {
        return merge(other, (a, b) -> a - b);
    }

    private Counts merge(Counts other, IntBinaryOperator operator) {
        if (other.isEmpty()) {
            return this;
        }
        int[] mergedCodes = new int[codes.length + other.codes.length];
        int[] mergedValues = new int[mergedCodes.length];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < codes.length || j < other.codes.length) {
            int code;
            int value;
            if (j >= other.codes.length || i < codes.length && codes[i] < other.codes[j]) {
                code = codes[i];
                value = operator.applyAsInt(values[i++], 0);
            } else if (i >= codes.length || other.codes[j] < codes[i]) {
                code = other.codes[j];
                value = operator.applyAsInt(0, other.values[j++]);
            } else {
                code = codes[i];
                value = operator.applyAsInt(values[i++], other.values[j++]);
            }
            if (value != 0) {
                mergedCodes[size] = code;
                mergedValues[size++] = value;
            }
        }
        return size == 0 ? NONE : new Counts(Arrays.copyOf(mergedCodes, size), Arrays.copyOf(mergedValues, size));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Counts counts && Arrays.equals(codes, counts.codes)
                && Arrays.equals(values, counts.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(codes) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < codes.length; i++) {
            text.append(i == 0 ? "" : ", ").append(codes[i]).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }

    /** Adds counters up; zeros vanish. */
    public static final class Builder {
        private final java.util.TreeMap<Integer, Integer> counts = new java.util.TreeMap<>();

        public Builder add(int code, int value) {
            if (value != 0) {
                counts.merge(code, value, (a, b) -> a + b == 0 ? null : a + b);
            }
            return this;
        }

        public Builder add(Counts other) {
            for (int i = 0; i < other.codes.length; i++) {
                add(other.codes[i], other.values[i]);
            }
            return this;
        }

        public Counts build() {
            if (counts.isEmpty()) {
                return NONE;
            }
            int[] codes = new int[counts.size()];
            int[] values = new int[counts.size()];
            int i = 0;
            for (var entry : counts.entrySet()) {
                codes[i] = entry.getKey();
                values[i++] = entry.getValue();
            }
            return new Counts(codes, values);
        }
    }
}
