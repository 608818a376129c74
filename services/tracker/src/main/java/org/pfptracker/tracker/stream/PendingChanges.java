package org.pfptracker.tracker.stream;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes one client has not been sent yet: a bounded set of partner ids, filled by the change feed
 * and drained by the client's own sender.
 *
 * <p>A partner that changes twice before its client takes it is sent once: the page re-reads the
 * partner's view anyway, so the second notice would say nothing new. When more partners are pending than
 * the buffer holds, the backlog is dropped for one {@link Batch#resync() resync}: the page re-reads
 * everything, which is what it would end up doing for that many partners anyway.
 */
final class PendingChanges {

    /**
     * What a client's sender takes in one go.
     *
     * @param partnerIds partners changed since the last batch, in the order first seen
     * @param resync the backlog overflowed: re-read everything
     * @param closed the stream is closing: stop sending
     */
    record Batch(List<String> partnerIds, boolean resync, boolean closed) {

        static final Batch NOTHING = new Batch(List.of(), false, false);
        static final Batch CLOSED = new Batch(List.of(), false, true);

        Batch {
            partnerIds = List.copyOf(partnerIds);
        }

        /** Nothing happened while waiting: time for a heartbeat. */
        boolean isEmpty() {
            return partnerIds.isEmpty() && !resync && !closed;
        }
    }

    private final int capacity;
    private final Set<String> partnerIds = new LinkedHashSet<>();
    private boolean overflowed;
    private boolean closed;

    PendingChanges(int capacity) {
        this.capacity = capacity;
    }

    /** Adds changed partners; never blocks. */
    synchronized void add(Iterable<String> changed) {
        if (closed || overflowed) {
            return;
        }
        for (String partnerId : changed) {
            partnerIds.add(partnerId);
            if (partnerIds.size() > capacity) {
                // The page will re-read everything: the ids pending until now say nothing more.
                partnerIds.clear();
                overflowed = true;
                break;
            }
        }
        notifyAll();
    }

    /** Waits up to {@code wait} for changes and takes them all; an empty batch when none came. */
    synchronized Batch take(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!closed && !overflowed && partnerIds.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Batch.NOTHING;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        if (closed) {
            return Batch.CLOSED;
        }
        if (overflowed) {
            overflowed = false;
            return new Batch(List.of(), true, false);
        }
        Batch batch = new Batch(List.copyOf(partnerIds), false, false);
        partnerIds.clear();
        return batch;
    }

    /** Wakes the sender for good: every later take answers {@link Batch#closed() closed}. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
