package org.pfptracker.simulator.history;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Seeded pseudo-random numbers for the generator: SplitMix64, written out here rather than borrowed
 * from the JDK, so that one seed gives the same history on every JVM version and platform. For the
 * same reason the transcendental functions come from {@link StrictMath}, whose results are specified
 * to the bit, where {@link Math}'s may differ by an ulp between JIT intrinsics. Not thread-safe: each
 * stream belongs to one part of the generator.
 */
final class SimRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    private SimRandom(long state) {
        this.state = state;
    }

    /**
     * The stream named {@code label} of a simulation seed. Streams are independent of one another and
     * of the order they are created in: what one part of the history draws never shifts another part.
     */
    static SimRandom stream(long seed, String label) {
        return new SimRandom(mix(seed ^ mix(fnv1a(label))));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        // Multiply-shift on the top 31 bits: no modulo bias worth measuring at our bounds, no loop.
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [min, max], both included; {@code min} when {@code max < min}. */
    int between(int min, int max) {
        return max <= min ? min : min + nextInt(max - min + 1);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Exponentially distributed with the given mean: the gap between events of a Poisson process. */
    double exponential(double mean) {
        return -mean * StrictMath.log1p(-nextDouble());
    }

    /** Log-normally distributed around a median: positive, skewed towards long tails, like lead times. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** Standard normal, by Box-Muller (one of the pair; simplicity over speed, it is rarely called). */
    double gaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** A random (version 4) UUID drawn from this stream, so event ids repeat with the seed. */
    UUID uuid() {
        long most = (nextLong() & ~0xF000L) | 0x4000L;
        long least = (nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String label) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        return hash;
    }
}
