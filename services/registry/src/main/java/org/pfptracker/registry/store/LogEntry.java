package org.pfptracker.registry.store;

import org.pfptracker.registry.client.CompatibilityLevel;

/** What one record of the schemas topic says. */
sealed interface LogEntry {

    /**
     * A schema registered under a subject at a version. Keyed by (subject, version), so compaction
     * keeps every version.
     */
    record SchemaRegistered(String subject, int version, int id, String schema) implements LogEntry {
    }

    /**
     * A compatibility level set for a subject, or globally when the subject is null; a null level
     * (a tombstone) removes it. Keyed by subject, so compaction keeps the last one.
     */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements LogEntry {
    }
}
