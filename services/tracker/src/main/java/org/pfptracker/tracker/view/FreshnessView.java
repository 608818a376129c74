package org.pfptracker.tracker.view;

import java.time.Instant;

/**
 * How current a view is.
 *
 * @param lastEventAt event time of the newest event applied
 * @param eventsApplied distinct events applied (a redelivered event is not counted again)
 */
public record FreshnessView(Instant lastEventAt, long eventsApplied) {
}
