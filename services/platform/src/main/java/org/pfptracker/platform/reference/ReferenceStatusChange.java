package org.pfptracker.platform.reference;

import java.time.LocalDate;
import org.pfptracker.event.PartnerStatus;

/**
 * A historical status change of a reference partner.
 *
 * @param partnerId the partner
 * @param status the status it moved to
 * @param effectiveOn the date it took effect
 * @param reason what happened, in words
 */
public record ReferenceStatusChange(String partnerId, PartnerStatus status, LocalDate effectiveOn, String reason) {
}
