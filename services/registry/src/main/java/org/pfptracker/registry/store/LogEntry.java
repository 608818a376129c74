package org.pfptracker.registry.store;

import org.pfptracker.registry.client.CompatibilityLevel;

/**
 * What one record of the schemas topic says. Every kind is handled through a {@link Visitor}, so a
 * new kind does not compile until the codec and the state both say what it means.
 */
sealed interface LogEntry {

    /** Hands this entry to the visitor's method for its kind. */
    <R> R accept(Visitor<R> visitor);

    /**
     * A schema registered under a subject at a version. Keyed by (subject, version), so compaction
     * keeps every version.
     */
    record SchemaRegistered(String subject, int version, int id, String schema) implements LogEntry {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.schemaRegistered(this);
        }
    }

    /**
     * A version soft-deleted: the same record as its registration under the same key, marked
     * {@code deleted} as Confluent's registry marks it. Compaction keeps this one over the
     * registration, so the schema text, and with it the id, stays in the log.
     */
    record SchemaSoftDeleted(String subject, int version, int id, String schema) implements LogEntry {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.schemaSoftDeleted(this);
        }
    }

    /**
     * A soft-deleted version removed for good: a tombstone on its key, so compaction drops the
     * schema text as well.
     */
    record SchemaPermanentlyDeleted(String subject, int version) implements LogEntry {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.schemaPermanentlyDeleted(this);
        }
    }

    /**
     * Every id up to {@code highest} has been handed out. A new id is "the highest id in the log plus
     * one", and a permanent delete lets compaction drop the record that held the highest one; this
     * record keeps it, so an id is never handed out twice and never names a second schema for records
     * written with the first. Ours, not Confluent's; one key, so compaction keeps the last.
     */
    record IdsIssued(int highest) implements LogEntry {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.idsIssued(this);
        }
    }

    /**
     * A compatibility level set for a subject, or globally when the subject is null; a null level
     * (a tombstone) removes it. Keyed by subject, so compaction keeps the last one.
     */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements LogEntry {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.compatibilitySet(this);
        }
    }

    /** One method per kind of entry. */
    interface Visitor<R> {

        R schemaRegistered(SchemaRegistered entry);

        R schemaSoftDeleted(SchemaSoftDeleted entry);

        R schemaPermanentlyDeleted(SchemaPermanentlyDeleted entry);

        R idsIssued(IdsIssued entry);

        R compatibilitySet(CompatibilitySet entry);
    }
}
