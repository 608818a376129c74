package org.pfptracker.http.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a token's holder is, as its roles claim names it. Rights follow from roles, and from the partner
 * and event types a token is bound to ({@link Identity}).
 */
public enum Role {
    /** Alliance staff: reads every partner's views, the list and the live feed. */
    STAFF_READER("staff-reader"),
    /** A partner's own people: read only the partner their token is bound to. */
    PARTNER_READER("partner-reader"),
    /** An upstream system: publishes the event types, for the partners, its token allows. */
    WRITER("writer"),
    /** Registers schemas and changes compatibility in the schema registry. */
    REGISTRY_ADMIN("registry-admin"),
    /** Reads metrics. */
    OPERATOR("operator");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The role's name in a token's roles claim. */
    public String claimValue() {
        return claimValue;
    }

    /** The role a claim value names; empty for a value that is not ours (an IdP adds roles of its own). */
    public static Optional<Role> ofClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }
}
