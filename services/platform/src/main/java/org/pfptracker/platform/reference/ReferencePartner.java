package org.pfptracker.platform.reference;

import java.time.LocalDate;
import org.pfptracker.event.Framework;

/**
 * A partner as the reference data knows it.
 *
 * @param partnerId stable id, also the key of all the partner's events
 * @param name name as NATO writes it
 * @param framework partnership framework
 * @param joinedOn date the PfP Framework Document was signed
 */
public record ReferencePartner(String partnerId, String name, Framework framework, LocalDate joinedOn) {
}
