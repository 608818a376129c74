package org.pfptracker.tracker.query;

/**
 * The views cannot be read right now (the instance is starting, rebalancing or restoring its stores).
 * A temporary condition: the HTTP layer answers 503 with Retry-After.
 */
public final class ViewsUnavailableException extends RuntimeException {

    public ViewsUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
