package org.pfptracker.tracker.view;

import java.time.Instant;

/**
 * An activity the partner proposed, kept by id so that a redelivered proposal is counted once.
 *
 * @param area area of cooperation
 * @param proposedAt event time of the proposal
 */
public record ProposedActivity(String area, Instant proposedAt) {
}
