package org.pfptracker.launcher.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one run measured, with what the figures depend on: the machine, the plan and the cluster.
 *
 * @param date the day of the run
 * @param cores processors available to the JVM
 * @param maxHeapBytes the JVM's maximum heap
 * @param cluster where the figures come from (embedded broker, or which cluster)
 * @param embedded whether the broker and registry ran in this JVM, sharing its heap and cores
 * @param plan what was asked for
 * @param loaded events the simulator published for the run
 * @param loadTook how long publishing them took
 * @param backlogRecords records in the four event topics when the readers started (the loaded events,
 *     plus whatever a configured cluster held before)
 * @param plainConsumer measurement 1
 * @param streamsCount measurement 2
 * @param tracker measurements 3 and 4
 * @param memory measurement 5
 * @param queries measurement 6, the static endpoint first
 * @param restore measurement 7
 * @param live measurement 8
 */
public record BenchReport(LocalDate date, int cores, long maxHeapBytes, String cluster, boolean embedded,
                          BenchPlan plan, long loaded,
                          Duration loadTook, long backlogRecords, Throughput plainConsumer, CatchUpResult streamsCount,
                          CatchUpResult tracker, MemoryFootprint memory, List<Queried> queries,
                          RestoreFigures restore, LatencyFigures live) {

    public BenchReport {
        queries = List.copyOf(queries);
    }

    /** How one endpoint answered the query load. */
    record Queried(String endpoint, QueryFigures figures) {
    }
}
