package org.pfptracker.simulator.run;

import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.platform.event.Events;
import org.pfptracker.simulator.BackfillResult;
import org.pfptracker.simulator.Ending;
import org.pfptracker.simulator.SimulationPlan;
import org.pfptracker.simulator.history.HistoryGenerator;
import org.pfptracker.simulator.progress.Phase;
import org.pfptracker.simulator.progress.ProgressListener;

/**
 * Publishes the history up to the plan's end as fast as the cluster acknowledges it, in event-time
 * order (so each partner's events reach their partition in that order), with at most the
 * publication's bound in flight. Used by {@link org.pfptracker.simulator.Simulator}.
 */
public final class BackfillDriver {

    private final HistoryGenerator history;
    private final Publication publication;
    private final long maxEvents;
    private final BooleanSupplier stopRequested;
    private final ProgressMeter meter;
    private final EventTally tally = new EventTally();
    private boolean periodPublished;

    /**
     * @param maxEvents events after which to stop even before the period's end ({@link Long#MAX_VALUE}: none)
     * @param stopRequested asked before every event; true ends the run early, cleanly
     */
    public BackfillDriver(HistoryGenerator history, Publication publication, long maxEvents,
                          ProgressListener listener, BooleanSupplier stopRequested, LongSupplier nanoTime) {
        this.history = history;
        this.publication = publication;
        this.maxEvents = maxEvents;
        this.stopRequested = stopRequested;
        this.meter = new ProgressMeter(Phase.BACKFILL, listener, nanoTime, publication::acknowledged, this::fraction);
    }

    /**
     * Runs to the end of the period, the event limit, a stop request or a refused publish.
     *
     * @throws org.pfptracker.simulator.SimulationFailedException after a refused publish, once every
     *     other publish in flight has been answered
     */
    public BackfillResult run() {
        Instant until = history.plan().to();
        Ending ending = null;
        try {
            while (ending == null) {
                if (stopRequested.getAsBoolean()) {
                    ending = Ending.STOPPED;
                } else if (publication.sent() >= maxEvents) {
                    ending = Ending.MAX_EVENTS;
                } else if (!history.hasNextBefore(until)) {
                    ending = Ending.END_OF_PERIOD;
                    periodPublished = true;
                } else {
                    SpecificRecord event = history.next();
                    meter.historyAt(Events.metadataOf(event).getOccurredAt());
                    if (!publication.send(event, meter::tick)) {
                        break; // refused: reported below, once everything in flight is answered
                    }
                    tally.add(event);
                    meter.tick();
                }
            }
            publication.drain(meter::tick);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ending = Ending.STOPPED;
        }
        meter.finish();
        publication.failIfRefused();
        return new BackfillResult(publication.acknowledged(), meter.elapsed(), meter.historyAt(), ending,
                tally.byType());
    }

    /** Share of the period published, or of the event limit when that is further along. */
    private double fraction() {
        if (periodPublished) {
            return 1; // however far the last event fell short of the period's end
        }
        SimulationPlan plan = history.plan();
        double byEvents = maxEvents == Long.MAX_VALUE ? 0 : (double) publication.acknowledged() / maxEvents;
        Instant at = meter.historyAt();
        long span = plan.to().toEpochMilli() - plan.from().toEpochMilli();
        double byTime = at == null ? 0 : span <= 0 ? 1
                : Math.min(1, Math.max(0, (double) (at.toEpochMilli() - plan.from().toEpochMilli()) / span));
        return Math.max(byTime, byEvents);
    }
}
