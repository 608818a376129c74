package org.pfptracker.tracker.state;

import java.time.LocalDate;

/** The partner's identity from its latest PartnerJoined (by event time). */
public record ProfileFact(String name, String framework, LocalDate joinedOn, Stamp stamp) {
}
