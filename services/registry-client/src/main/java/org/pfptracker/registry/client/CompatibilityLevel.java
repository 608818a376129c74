package org.pfptracker.registry.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The compatibility levels a registry enforces when a new schema is registered under a subject.
 * "Backward" means the new schema can read data written with the old one; "forward" the reverse;
 * "full" both; the transitive forms check every earlier version, the others only the latest.
 */
public enum CompatibilityLevel {
    /** No check. */
    NONE(false, false, false),
    /** The new schema can read data written with the latest one. */
    BACKWARD(true, false, false),
    /** The new schema can read data written with every earlier one. */
    BACKWARD_TRANSITIVE(true, false, true),
    /** The latest schema can read data written with the new one. */
    FORWARD(false, true, false),
    /** Every earlier schema can read data written with the new one. */
    FORWARD_TRANSITIVE(false, true, true),
    /** Backward and forward against the latest schema. */
    FULL(true, true, false),
    /** Backward and forward against every earlier schema. */
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** True when the new schema must be able to read data written with the earlier ones. */
    public boolean newMustReadOld() {
        return newReadsOld;
    }

    /** True when the earlier schemas must be able to read data written with the new one. */
    public boolean oldMustReadNew() {
        return oldReadsNew;
    }

    /** True when every earlier version is checked, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /**
     * Whether this level refuses every change that {@code other} refuses: it checks at least the
     * same directions (new reads old, old reads new) against at least the same versions (all of them
     * when {@code other} is transitive). This is a partial order: FULL_TRANSITIVE is at least as
     * strict as every level, NONE only as strict as NONE, and BACKWARD and FORWARD are each not as
     * strict as the other.
     *
     * @param other the level to compare with, e.g. a policy a subject must be held to
     */
    public boolean isAtLeastAsStrictAs(CompatibilityLevel other) {
        return (newReadsOld || !other.newReadsOld)
                && (oldReadsNew || !other.oldReadsNew)
                && (transitive || !other.transitive);
    }

    /**
     * Parses a level as the REST API spells it; case does not matter, as with Confluent's server.
     *
     * @return the level, or empty when the text names none
     */
    public static Optional<CompatibilityLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(level -> level.name().equals(wanted)).findFirst();
    }
}
