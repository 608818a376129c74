package org.pfptracker.tracker.state;

import java.time.LocalDate;

/** The partner's status from its latest PartnerStatusChanged (by event time). */
public record StatusFact(String status, LocalDate effectiveOn, String reason, Stamp stamp) {
}
