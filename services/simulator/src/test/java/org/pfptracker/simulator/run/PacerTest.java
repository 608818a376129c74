package org.pfptracker.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pacer on simulated time: waiting advances the clock instead of sleeping. */
class PacerTest {

    private static final long MILLI = 1_000_000L;

    private long now;
    private final Pacer tenPerSecond = new Pacer(10, () -> now, nanos -> now += nanos);

    @Test
    void shouldHandOutOneSlotPerIntervalStartingAtOnce() {
        for (int i = 0; i < 5; i++) {
            assertThat(tenPerSecond.awaitSlot(() -> false)).isTrue();
        }

        assertThat(now).isEqualTo(400 * MILLI);
    }

    @Test
    void shouldMakeUpAShortHiccupAtOnce() {
        // Given a steady beat, then a 300 ms stall
        tenPerSecond.awaitSlot(() -> false);
        tenPerSecond.awaitSlot(() -> false);
        now += 300 * MILLI;

        // When the next slots are asked for
        long before = now;
        tenPerSecond.awaitSlot(() -> false);
        tenPerSecond.awaitSlot(() -> false);
        tenPerSecond.awaitSlot(() -> false);

        // Then the three missed slots come without waiting
        assertThat(now).isEqualTo(before);
    }

    @Test
    void shouldNotFloodAfterALongStall() {
        // Given a 10 s stall
        tenPerSecond.awaitSlot(() -> false);
        now += 10_000 * MILLI;

        // When twenty slots are asked for
        long before = now;
        for (int i = 0; i < 20; i++) {
            tenPerSecond.awaitSlot(() -> false);
        }

        // Then one second's worth comes at once (not a hundred slots), then the beat resumes
        assertThat(now - before).isEqualTo(900 * MILLI);
    }

    @Test
    void shouldGiveUpWaitingWhenStopped() {
        tenPerSecond.awaitSlot(() -> false);

        assertThat(tenPerSecond.awaitSlot(() -> true)).isFalse();
        assertThat(now).isZero();
    }

    @Test
    void shouldPaceFractionalRates() {
        Pacer everyTwoSeconds = new Pacer(0.5, () -> now, nanos -> now += nanos);

        everyTwoSeconds.awaitSlot(() -> false);
        everyTwoSeconds.awaitSlot(() -> false);

        assertThat(now).isEqualTo(2_000 * MILLI);
    }
}
