package org.pfptracker.simulator.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pfptracker.simulator.SimulationPlan;

/** A long history is generated, not stored: memory follows what is under way, not what has happened. */
class HistoryMemoryTest {

    private static final long EVENTS = 2_000_000;
    private static final long MEGABYTE = 1024 * 1024;

    @Test
    void shouldGenerateTwoMillionEventsInFlatMemory() {
        // Given a history of about 2.3 million events (scale 40, 2014 to 2028)
        SimulationPlan plan = SimulationPlan.of(42, LocalDate.of(2014, 1, 1), LocalDate.of(2028, 1, 1), 40);
        HistoryGenerator generator = new HistoryGenerator(plan);
        long before = usedHeapAfterGc();

        // When two million are generated and counted, not kept
        long count = 0;
        int mostPendingFirstHalf = 0;
        int mostPendingSecondHalf = 0;
        while (count < EVENTS && generator.hasNextBefore(plan.to())) {
            generator.next();
            count++;
            if (count % 1024 == 0) {
                int pending = generator.pendingSteps();
                if (count < EVENTS / 2) {
                    mostPendingFirstHalf = Math.max(mostPendingFirstHalf, pending);
                } else {
                    mostPendingSecondHalf = Math.max(mostPendingSecondHalf, pending);
                }
            }
        }
        long after = usedHeapAfterGc();

        // Then: what is pending does not grow with the history, and neither does the heap (two million
        // events held would take well over a gigabyte)
        assertThat(count).isEqualTo(EVENTS);
        assertThat(mostPendingFirstHalf).isPositive();
        assertThat(mostPendingSecondHalf).isLessThan(mostPendingFirstHalf * 3 / 2);
        assertThat((after - before) / MEGABYTE).as("heap growth in MB").isLessThan(64);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
