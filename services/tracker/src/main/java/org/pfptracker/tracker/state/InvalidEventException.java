package org.pfptracker.tracker.state;

/**
 * An event that was read fine but cannot be applied to a view. It goes to the dead-letter topic with
 * this message as the reason; the stream goes on.
 */
public final class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }
}
