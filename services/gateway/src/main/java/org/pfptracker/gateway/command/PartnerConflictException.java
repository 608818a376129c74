package org.pfptracker.gateway.command;

/**
 * A partner was asked to join that has already joined through another event: a client's mistake rather
 * than a retry (a retry carries the same Idempotency-Key, hence the same event id, and is accepted).
 */
public final class PartnerConflictException extends RuntimeException {

    private final String partnerId;

    public PartnerConflictException(String partnerId, String name) {
        super("Partner '" + partnerId + "' has already joined" + (name == null ? "" : " (as '" + name + "')")
                + "; a status change or priorities are what can follow", null, false, false);
        this.partnerId = partnerId;
    }

    public String partnerId() {
        return partnerId;
    }
}
