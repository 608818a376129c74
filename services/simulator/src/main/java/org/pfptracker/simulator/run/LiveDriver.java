package org.pfptracker.simulator.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.simulator.Ending;
import org.pfptracker.simulator.LivePace;
import org.pfptracker.simulator.LiveResult;
import org.pfptracker.simulator.history.HistoryGenerator;
import org.pfptracker.simulator.progress.Phase;
import org.pfptracker.simulator.progress.ProgressListener;

/**
 * Publishes the history's next events at a steady rate, each moved to the moment it is published.
 *
 * <p>Why the wall clock, not the generated time: at a few events a second the generated history runs
 * thousands of times faster than real time, so generated times would soon lie years ahead, and views
 * computed on event time ("completed in the last twelve months") would count the future. So each event
 * is stamped with the wall clock when it is sent (never earlier than the event before it, so each
 * partner's events stay in event-time order), and the dates it carries move with it (see
 * {@link EventTimeShift}): every event reads as happening now. What is given up is the spacing between
 * related events: an activity may be completed minutes after it was proposed, which is what a live
 * demonstration at several events a second needs anyway. Used by {@link org.pfptracker.simulator.Simulator}.
 */
public final class LiveDriver {

    private final HistoryGenerator history;
    private final Publication publication;
    private final LivePace pace;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final BooleanSupplier stopRequested;
    private final ProgressMeter meter;
    private long lastStamp;

    /**
     * @param notBefore event time of the last event already published (the backfill's), which live
     *     events never precede
     */
    public LiveDriver(HistoryGenerator history, Publication publication, LivePace pace, Instant notBefore,
                      Clock clock, ProgressListener listener, BooleanSupplier stopRequested, LongSupplier nanoTime) {
        this.history = history;
        this.publication = publication;
        this.pace = pace;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.stopRequested = stopRequested;
        this.lastStamp = notBefore == null ? Long.MIN_VALUE : notBefore.toEpochMilli();
        this.meter = new ProgressMeter(Phase.LIVE, listener, nanoTime, publication::acknowledged, this::fraction);
    }

    /**
     * Runs until stopped, or the pace's event or time limit.
     *
     * @throws org.pfptracker.simulator.SimulationFailedException after a refused publish
     */
    public LiveResult run() {
        long started = nanoTime.getAsLong();
        long deadline = pace.maxDuration() == null ? Long.MAX_VALUE : started + pace.maxDuration().toNanos();
        Pacer pacer = new Pacer(pace.eventsPerSecond(), nanoTime, LockSupport::parkNanos);
        BooleanSupplier mustEnd = () -> stopRequested.getAsBoolean() || nanoTime.getAsLong() - deadline >= 0;
        Ending ending = null;
        try {
            while (ending == null) {
                if (stopRequested.getAsBoolean()) {
                    ending = Ending.STOPPED;
                } else if (publication.sent() >= pace.maxEvents()) {
                    ending = Ending.MAX_EVENTS;
                } else if (nanoTime.getAsLong() - deadline >= 0) {
                    ending = Ending.MAX_DURATION;
                } else if (pacer.awaitSlot(mustEnd)) {
                    if (!history.hasNext()) {
                        ending = Ending.END_OF_HISTORY;
                    } else if (!publication.send(stampedNow(history.next()), meter::tick)) {
                        break; // refused: reported below
                    }
                }
                meter.tick();
            }
            publication.drain(meter::tick);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ending = Ending.STOPPED;
        }
        meter.finish();
        publication.failIfRefused();
        return new LiveResult(publication.acknowledged(), meter.elapsed(), ending);
    }

    private SpecificRecord stampedNow(SpecificRecord event) {
        lastStamp = Math.max(lastStamp, clock.millis());
        Instant moment = Instant.ofEpochMilli(lastStamp);
        EventTimeShift.moveTo(event, moment);
        meter.historyAt(moment);
        return event;
    }

    /** Share of the event or time limit reached, whichever is further; NaN when running until stopped. */
    private double fraction() {
        double byEvents = pace.maxEvents() == Long.MAX_VALUE ? Double.NaN
                : (double) publication.acknowledged() / Math.max(1, pace.maxEvents());
        Duration limit = pace.maxDuration();
        double byTime = limit == null ? Double.NaN
                : limit.isZero() ? 1 : Math.min(1, (double) meter.elapsed().toNanos() / limit.toNanos());
        if (Double.isNaN(byEvents)) {
            return byTime;
        }
        return Double.isNaN(byTime) ? byEvents : Math.max(byEvents, byTime);
    }
}
