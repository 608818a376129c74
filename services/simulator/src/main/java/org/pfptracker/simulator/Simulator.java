package org.pfptracker.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pfptracker.core.config.Settings;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.simulator.config.SimulatorSettings;
import org.pfptracker.simulator.history.HistoryGenerator;
import org.pfptracker.simulator.progress.ProgressListener;
import org.pfptracker.simulator.run.BackfillDriver;
import org.pfptracker.simulator.run.LiveDriver;
import org.pfptracker.simulator.run.Publication;

/**
 * Publishes a simulated history of Partnership for Peace cooperation through the real publishing path:
 * first the plan's period as fast as the cluster takes it ({@link #backfill}), then, if asked, the same
 * history going on at a steady rate ({@link #live}).
 *
 * <pre>{@code
 * try (EventPublisher publisher = EventPublisher.create(settings)) {
 *     SimulationPlan plan = new SimulationPlan(42, Instant.parse("2014-01-01T00:00:00Z"), Instant.now(), 1);
 *     Simulator simulator = Simulator.create(publisher, plan, settings);
 *     System.out.println(simulator.backfill(ConsoleProgress.forThisProcess(System.err, interval)).summary());
 *     LiveRun live = simulator.startLive(LivePace.perSecond(2), ProgressListener.none());
 *     ...
 *     live.stop();
 * }
 * }</pre>
 *
 * <p>One simulator runs one history once: {@code backfill} first, then at most one live run. The
 * caller owns the publisher. {@link #stop()} may be called from any thread.
 */
public final class Simulator {

    private final EventSink sink;
    private final HistoryGenerator history;
    private final int maxInFlight;
    private final Clock clock;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private State state = State.NEW;
    private Instant lastPublishedAt;

    private enum State { NEW, BACKFILLED, LIVE }

    private Simulator(EventSink sink, SimulationPlan plan, int maxInFlight, Clock clock) {
        this.sink = sink;
        this.history = new HistoryGenerator(plan);
        this.maxInFlight = maxInFlight;
        this.clock = clock;
    }

    /** A simulator publishing through the publisher, with the in-flight bound of the settings. */
    public static Simulator create(EventPublisher publisher, SimulationPlan plan, Settings settings) {
        return new Simulator(EventSink.of(publisher), plan, settings.get(SimulatorSettings.MAX_IN_FLIGHT),
                Clock.systemUTC());
    }

    /**
     * A simulator publishing to any sink.
     *
     * @param maxInFlight publishes awaiting acknowledgement at most
     * @param clock the wall clock live events are stamped with
     */
    public static Simulator create(EventSink sink, SimulationPlan plan, int maxInFlight, Clock clock) {
        return new Simulator(sink, plan, maxInFlight, clock);
    }

    public SimulationPlan plan() {
        return history.plan();
    }

    /** Publishes the plan's history, from the reference facts before it to the plan's end. */
    public BackfillResult backfill(ProgressListener progress) {
        return backfill(Long.MAX_VALUE, progress);
    }

    /**
     * Publishes the plan's history, stopping after {@code maxEvents} events if the period holds more
     * (a benchmark of a given size: choose a scale that makes the period hold enough).
     *
     * @throws SimulationFailedException if a publish is refused; nothing is sent after it
     * @throws IllegalStateException if this simulator has already backfilled
     */
    public synchronized BackfillResult backfill(long maxEvents, ProgressListener progress) {
        if (state != State.NEW) {
            throw new IllegalStateException("this simulator has already published its backfill");
        }
        state = State.BACKFILLED;
        BackfillResult result = new BackfillDriver(history, new Publication(sink, maxInFlight), maxEvents, progress,
                stopRequested::get, System::nanoTime).run();
        lastPublishedAt = result.lastEventAt();
        return result;
    }

    /**
     * Publishes the history past the plan's end at the pace's rate, each event stamped with the wall
     * clock, until {@link #stop()} or the pace's limits. Blocks the calling thread.
     *
     * @throws SimulationFailedException if a publish is refused; nothing is sent after it
     * @throws IllegalStateException before {@link #backfill}, or on a second live run
     */
    public synchronized LiveResult live(LivePace pace, ProgressListener progress) {
        if (state != State.BACKFILLED) {
            throw new IllegalStateException(state == State.NEW
                    ? "backfill first: live mode continues the history after the plan's end"
                    : "this simulator has already run live");
        }
        state = State.LIVE;
        return new LiveDriver(history, new Publication(sink, maxInFlight), pace, lastPublishedAt, clock, progress,
                stopRequested::get, System::nanoTime).run();
    }

    /** Runs {@link #live} on a thread of its own (a daemon: it never keeps a JVM from exiting). */
    public LiveRun startLive(LivePace pace, ProgressListener progress) {
        CompletableFuture<LiveResult> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(live(pace, progress));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "pfp-simulator-live");
        thread.setDaemon(true);
        thread.start();
        return new LiveRun(this, result);
    }

    /**
     * Asks the running backfill or live run to end: no new event is sent, those in flight are awaited,
     * and the run returns its result with {@link Ending#STOPPED}.
     */
    public void stop() {
        stopRequested.set(true);
    }
}
