package org.pfptracker.simulator.history;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import org.apache.avro.specific.SpecificRecord;

/**
 * The generator's clock: what is due to happen next, in event-time order, and the events that the
 * last step produced.
 *
 * <p>Nothing is decided ahead of need: a step runs when its time comes, emits the events of that
 * moment and schedules its own follow-ups (an approval, the next proposal). Only open matters (open
 * activities, running programmes, recurring processes) sit in the queue, so memory follows how much
 * cooperation is under way at one moment, not how long the history is. Steps due at the same moment
 * run in the order they were scheduled, which makes the whole sequence a function of the seed.
 */
final class Agenda {

    /** Something due to happen; it may emit events at {@code now} and schedule later steps. */
    @FunctionalInterface
    interface Step {
        void run(long now);
    }

    /** An event and its event time, as produced. */
    record Timed(long at, SpecificRecord event) {
    }

    /**
     * Compared field by field rather than through a {@code Comparator} chain: the queue compares
     * entries some twenty times per event, and this is the generator's hottest code.
     */
    private record Entry(long at, long order, Step step) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            return at != other.at ? Long.compare(at, other.at) : Long.compare(order, other.order);
        }
    }

    private final PriorityQueue<Entry> due = new PriorityQueue<>();
    private final ArrayDeque<Timed> produced = new ArrayDeque<>();
    private long order;
    private long now = Long.MIN_VALUE;

    /** Schedules a step; the past cannot be changed, so a time before now is a bug in the model. */
    void at(long time, Step step) {
        if (time < now) {
            throw new IllegalStateException("step scheduled at " + time + ", before the current time " + now);
        }
        due.add(new Entry(time, order++, step));
    }

    /** The current step's event; its time is the step's time. */
    void emit(SpecificRecord event) {
        produced.add(new Timed(now, event));
    }

    long now() {
        return now;
    }

    /**
     * Runs steps until some event is ready or nothing is due before {@code limit}.
     *
     * @return the next event without removing it, or {@code null} when none occurs before the limit
     */
    Timed peekBefore(long limit) {
        while (produced.isEmpty() && !due.isEmpty() && due.peek().at() < limit) {
            Entry entry = due.poll();
            now = entry.at();
            entry.step().run(now);
        }
        Timed next = produced.peek();
        return next != null && next.at() < limit ? next : null;
    }

    Timed poll() {
        return produced.poll();
    }

    /** Steps waiting in the queue: open activities, programmes and the recurring processes. */
    int pending() {
        return due.size();
    }
}
