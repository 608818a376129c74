package org.pfptracker.simulator.run;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.platform.event.Events;
import org.pfptracker.simulator.EventSink;
import org.pfptracker.simulator.SimulationFailedException;

/**
 * Publishes events with a bounded number in flight: a slot is taken before each publish and given back
 * when Kafka answers. That is the back-pressure of a backfill: the generator runs exactly as fast as
 * the cluster acknowledges, and memory holds at most {@code maxInFlight} events whatever the length of
 * the history.
 *
 * <p>The first refused publish stops everything: no event is sent after it (a consumer must never see
 * a history with a hole in it), and {@link #failIfRefused()} reports it. One thread sends; acknowledgements
 * arrive on the producer's thread.
 */
public final class Publication {

    /** How long a waiting sender sleeps between looks at its progress and at refusals. */
    private static final long WAIT_SLICE_MILLIS = 100;

    private final EventSink sink;
    private final int maxInFlight;
    private final Semaphore slots;
    private final LongAdder acknowledged = new LongAdder();
    private final AtomicReference<Refusal> refusal = new AtomicReference<>();
    private long sent;

    private record Refusal(String eventType, String eventId, Throwable cause) {
    }

    public Publication(EventSink sink, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one publish must be allowed in flight, was " + maxInFlight);
        }
        this.sink = sink;
        this.maxInFlight = maxInFlight;
        this.slots = new Semaphore(maxInFlight);
    }

    /**
     * Publishes the event as soon as a slot is free, calling {@code whileWaiting} about ten times a
     * second while there is none.
     *
     * @return false, without sending, once any publish has been refused
     */
    public boolean send(SpecificRecord event, Runnable whileWaiting) throws InterruptedException {
        while (!slots.tryAcquire(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
            whileWaiting.run();
        }
        if (refusal.get() != null) {
            slots.release();
            return false;
        }
        sent++;
        CompletionStage<?> answer;
        try {
            answer = sink.publish(event);
        } catch (RuntimeException e) {
            refuse(event, e);
            slots.release();
            return false;
        }
        answer.whenComplete((receipt, failure) -> {
            if (failure == null) {
                acknowledged.increment();
            } else {
                refuse(event, failure);
            }
            slots.release();
        });
        return true;
    }

    /** Sends what is batched and waits until every publish in flight has been answered. */
    public void drain(Runnable whileWaiting) throws InterruptedException {
        sink.flush();
        while (!slots.tryAcquire(maxInFlight, WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
            whileWaiting.run();
        }
        slots.release(maxInFlight);
    }

    /** Throws if a publish was refused; call after {@link #drain}, so that the count is final. */
    public void failIfRefused() {
        Refusal first = refusal.get();
        if (first != null) {
            throw new SimulationFailedException(acknowledged(), first.eventType(), first.eventId(), first.cause());
        }
    }

    public boolean refused() {
        return refusal.get() != null;
    }

    public long sent() {
        return sent;
    }

    public long acknowledged() {
        return acknowledged.sum();
    }

    private void refuse(SpecificRecord event, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        refusal.compareAndSet(null, new Refusal(event.getSchema().getName(),
                Events.metadataOf(event).getEventId().toString(), cause));
    }
}
