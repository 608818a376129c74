package org.pfptracker.registry.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.compatibility.CanonicalSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the schemas topic says, folded into memory: subjects and their versions (soft-deleted ones
 * included, marked), schemas by id, compatibility levels. Written only by the topic's reader thread,
 * read by request threads; every method holds the object's lock, which is cheap next to an HTTP
 * request.
 *
 * <p>Queries take {@code includeDeleted}: false answers what Confluent's API answers by default
 * (live versions only), true adds the soft-deleted ones ({@code ?deleted=true}). A schema id
 * resolves as long as any version, live or soft-deleted, holds it.
 */
final class RegistryState {

    private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

    private final Map<String, NavigableMap<Integer, StoredSchema>> subjects = new TreeMap<>();
    private final Map<Integer, CanonicalSchema> schemasById = new HashMap<>();
    private final Map<String, Integer> idByText = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final LogEntry.Visitor<Void> applier = new Applier();
    private CompatibilityLevel globalLevel;
    private int maxId;

    synchronized void apply(LogEntry entry) {
        entry.accept(applier);
    }

    /** The version of a subject holding this schema text, if any (soft-deleted ones only when asked). */
    synchronized Optional<StoredSchema> findInSubject(String subject, String canonicalText, boolean includeDeleted) {
        return visible(subject, includeDeleted).filter(stored -> stored.schema().text().equals(canonicalText)).findFirst();
    }

    /** Whether the subject has any version (any live one, unless soft-deleted ones are asked for). */
    synchronized boolean hasSubject(String subject, boolean includeDeleted) {
        return visible(subject, includeDeleted).findAny().isPresent();
    }

    /** The schema behind an id, held by a live or a soft-deleted version. */
    synchronized Optional<CanonicalSchema> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The id a new schema with this text gets: its existing id under any subject, or the next free one. */
    synchronized int idFor(String canonicalText) {
        Integer existing = idByText.get(canonicalText);
        return existing != null ? existing : maxId + 1;
    }

    /** The highest id ever handed out, as far as the log read so far says. */
    synchronized int highestId() {
        return maxId;
    }

    /**
     * The number the next version of a subject gets: one past every version it holds, soft-deleted
     * ones included, so that a number never names two schemas while the first is kept.
     */
    synchronized int nextVersion(String subject) {
        NavigableMap<Integer, StoredSchema> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    /** Subjects with a live version (or any version, when asked), in name order. */
    synchronized List<String> subjects(boolean includeDeleted) {
        return subjects.keySet().stream().filter(subject -> hasSubject(subject, includeDeleted)).toList();
    }

    /** The versions of a subject, oldest first; empty when it has none to show. */
    synchronized List<StoredSchema> versions(String subject, boolean includeDeleted) {
        return visible(subject, includeDeleted).toList();
    }

    /** The versions holding a schema id, in subject then version order. */
    synchronized List<StoredSchema> holdersOf(int id, boolean includeDeleted) {
        return subjects.keySet().stream()
                .flatMap(subject -> visible(subject, includeDeleted))
                .filter(stored -> stored.id() == id)
                .toList();
    }

    synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** Number of distinct schemas (ids) held, by live and soft-deleted versions. */
    synchronized int schemaCount() {
        return schemasById.size();
    }

    /** Number of subjects with a live version. */
    synchronized int subjectCount() {
        return subjects(false).size();
    }

    private Stream<StoredSchema> visible(String subject, boolean includeDeleted) {
        NavigableMap<Integer, StoredSchema> versions = subjects.get(subject);
        if (versions == null) {
            return Stream.empty();
        }
        return versions.values().stream().filter(stored -> includeDeleted || stored.live());
    }

    /** Applies entries on the reader thread; the caller holds the lock. */
    private final class Applier implements LogEntry.Visitor<Void> {

        @Override
        public Void schemaRegistered(LogEntry.SchemaRegistered entry) {
            putVersion(entry.subject(), entry.version(), entry.id(), entry.schema(), false);
            return null;
        }

        @Override
        public Void schemaSoftDeleted(LogEntry.SchemaSoftDeleted entry) {
            putVersion(entry.subject(), entry.version(), entry.id(), entry.schema(), true);
            return null;
        }

        @Override
        public Void schemaPermanentlyDeleted(LogEntry.SchemaPermanentlyDeleted entry) {
            NavigableMap<Integer, StoredSchema> versions = subjects.get(entry.subject());
            StoredSchema removed = versions == null ? null : versions.remove(entry.version());
            if (removed == null) {
                return null;
            }
            if (versions.isEmpty()) {
                subjects.remove(entry.subject());
            }
            // The id goes with its last holder; maxId stays, so the id is not handed out again.
            boolean stillHeld = subjects.values().stream()
                    .anyMatch(held -> held.values().stream().anyMatch(stored -> stored.id() == removed.id()));
            if (!stillHeld) {
                schemasById.remove(removed.id());
                idByText.remove(removed.schema().text(), removed.id());
            }
            return null;
        }

        @Override
        public Void idsIssued(LogEntry.IdsIssued entry) {
            maxId = Math.max(maxId, entry.highest());
            return null;
        }

        @Override
        public Void compatibilitySet(LogEntry.CompatibilitySet entry) {
            if (entry.subject() == null) {
                globalLevel = entry.level();
            } else if (entry.level() == null) {
                subjectLevels.remove(entry.subject());
            } else {
                subjectLevels.put(entry.subject(), entry.level());
            }
            return null;
        }

        private void putVersion(String subject, int version, int id, String text, boolean deleted) {
            CanonicalSchema known = schemasById.get(id);
            CanonicalSchema schema = known != null && known.text().equals(text) ? known : CanonicalSchema.parse(text);
            if (known != null && !known.text().equals(schema.text())) {
                // The single-writer protocol makes this impossible; if the topic was written by other means,
                // keep the first schema for the id so that readers of existing data are not misled.
                log.error("Schema id {} appears with two different schemas in the log; keeping the first. Subject {} version {}",
                        id, subject, version);
                return;
            }
            subjects.computeIfAbsent(subject, s -> new TreeMap<>())
                    .put(version, new StoredSchema(subject, version, id, schema, deleted));
            schemasById.putIfAbsent(id, schema);
            idByText.putIfAbsent(schema.text(), id);
            maxId = Math.max(maxId, id);
        }
    }
}
