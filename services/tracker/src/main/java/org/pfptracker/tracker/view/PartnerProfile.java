package org.pfptracker.tracker.view;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who the partner is, as its latest {@code PartnerJoined} says.
 *
 * @param name the partner's name
 * @param framework partnership framework (e.g. EURO_ATLANTIC_PARTNERSHIP)
 * @param joinedOn the date the framework document was signed
 * @param asOf event time of the event this profile comes from; a later event wins, whatever the arrival order
 */
public record PartnerProfile(String name, String framework, LocalDate joinedOn, Instant asOf) {
}
