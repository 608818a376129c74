package org.pfptracker.registry.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a delete writes, as Confluent's registry decides it, from the state caught up to the
 * whole log inside the write's transaction: which entries to append, or which refusal to answer.
 *
 * <p>A soft delete rewrites each live version's record marked deleted. A permanent delete writes a
 * tombstone per soft-deleted version and, because compaction will then drop the record that may
 * have held the highest id, an {@link LogEntry.IdsIssued} record keeping that id from being handed
 * out again.
 */
final class Deletions {

    private Deletions() {
    }

    /** One version; see {@link SchemaStore#deleteVersion}. */
    static KafkaSchemaLog.Decision<Integer> ofVersion(RegistryState state, String subject, VersionId version,
            boolean permanent) {
        List<StoredSchema> all = state.versions(subject, true);
        if (all.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        StoredSchema target = version.among(all);
        if (!permanent) {
            if (target.deleted()) {
                throw RegistryException.versionSoftDeleted(subject, target.version());
            }
            return KafkaSchemaLog.Decision.append(softDeletion(target), target.version());
        }
        if (target.live()) {
            throw RegistryException.versionNotSoftDeleted(subject, target.version());
        }
        return KafkaSchemaLog.Decision.appendAll(List.of(
                new LogEntry.SchemaPermanentlyDeleted(subject, target.version()),
                new LogEntry.IdsIssued(state.highestId())), target.version());
    }

    /** Every version of a subject; see {@link SchemaStore#deleteSubject}. */
    static KafkaSchemaLog.Decision<List<Integer>> ofSubject(RegistryState state, String subject, boolean permanent) {
        List<StoredSchema> all = state.versions(subject, true);
        if (all.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        List<StoredSchema> live = all.stream().filter(StoredSchema::live).toList();
        List<LogEntry> entries = new ArrayList<>();
        if (!permanent) {
            if (live.isEmpty()) {
                throw RegistryException.subjectSoftDeleted(subject);
            }
            live.forEach(stored -> entries.add(softDeletion(stored)));
            return KafkaSchemaLog.Decision.appendAll(entries, versions(live));
        }
        if (!live.isEmpty()) {
            throw RegistryException.subjectNotSoftDeleted(subject);
        }
        all.forEach(stored -> entries.add(new LogEntry.SchemaPermanentlyDeleted(subject, stored.version())));
        entries.add(new LogEntry.IdsIssued(state.highestId()));
        // A subject that is gone keeps no settings: registered anew, it starts from the global level.
        if (state.subjectLevel(subject).isPresent()) {
            entries.add(new LogEntry.CompatibilitySet(subject, null));
        }
        return KafkaSchemaLog.Decision.appendAll(entries, versions(all));
    }

    private static LogEntry softDeletion(StoredSchema stored) {
        return new LogEntry.SchemaSoftDeleted(stored.subject(), stored.version(), stored.id(), stored.schema().text());
    }

    private static List<Integer> versions(List<StoredSchema> stored) {
        return stored.stream().map(StoredSchema::version).toList();
    }
}
