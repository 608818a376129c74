package org.pfptracker.launcher.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.pfptracker.core.config.Settings;
import org.pfptracker.launcher.UserFacingException;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.simulator.BackfillResult;
import org.pfptracker.simulator.SimulationFailedException;
import org.pfptracker.simulator.SimulationPlan;
import org.pfptracker.simulator.Simulator;
import org.pfptracker.simulator.config.SimulatorSettings;
import org.pfptracker.simulator.progress.ConsoleProgress;

/**
 * Loads the backlog every figure is measured on: the simulator's seeded history from 2014 to today,
 * at the scale that makes it hold the events asked for, cut off after exactly that many. Realistic
 * data, not a synthetic pattern: all 22 partners, every event type, the real mix of keys and sizes.
 */
final class HistoryLoad {

    private static final Instant HISTORY_START = LocalDate.of(2014, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private HistoryLoad() {
    }

    static BackfillResult run(Settings settings, BenchPlan plan, PrintStream log) {
        // Batching sized for throughput, as 'pfp simulate backfill' does.
        Settings tuned = SimulatorSettings.forThroughput(settings);
        SimulationPlan history = new SimulationPlan(SimulationPlan.DEFAULT_SEED, HISTORY_START, Instant.now(),
                plan.scale());
        log.printf("[bench] loading %,d simulated events (seed %d, scale %.0f, history from 2014)%n", plan.events(),
                history.seed(), history.scale());
        try (EventPublisher publisher = EventPublisher.create(tuned)) {
            BackfillResult result = Simulator.create(publisher, history, tuned)
                    .backfill(plan.events(), ConsoleProgress.forThisProcess(log, Duration.ofSeconds(5)));
            log.println("[bench] " + result.summary());
            return result;
        } catch (SimulationFailedException e) {
            throw new UserFacingException("Loading the simulated history failed: " + e.getMessage(), e);
        }
    }
}
