package org.pfptracker.registry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.compatibility.CanonicalSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the schemas topic says, folded into memory: subjects and their versions, schemas by id,
 * compatibility levels. Written only by the topic's reader thread, read by request threads; every
 * method holds the object's lock, which is cheap next to an HTTP request.
 */
final class RegistryState {

    private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

    private final Map<String, NavigableMap<Integer, StoredSchema>> subjects = new TreeMap<>();
    private final Map<Integer, CanonicalSchema> schemasById = new HashMap<>();
    private final Map<String, Integer> idByText = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    synchronized void apply(LogEntry entry) {
        if (entry instanceof LogEntry.SchemaRegistered registered) {
            applySchema(registered);
        } else if (entry instanceof LogEntry.CompatibilitySet config) {
            if (config.subject() == null) {
                globalLevel = config.level();
            } else if (config.level() == null) {
                subjectLevels.remove(config.subject());
            } else {
                subjectLevels.put(config.subject(), config.level());
            }
        }
    }

    private void applySchema(LogEntry.SchemaRegistered registered) {
        CanonicalSchema known = schemasById.get(registered.id());
        CanonicalSchema schema = known != null && known.text().equals(registered.schema())
                ? known : CanonicalSchema.parse(registered.schema());
        if (known != null && !known.text().equals(schema.text())) {
            // The single-writer protocol makes this impossible; if the topic was written by other means,
            // keep the first schema for the id so that readers of existing data are not misled.
            log.error("Schema id {} appears with two different schemas in the log; keeping the first. Subject {} version {}",
                    registered.id(), registered.subject(), registered.version());
            return;
        }
        subjects.computeIfAbsent(registered.subject(), s -> new TreeMap<>())
                .put(registered.version(), new StoredSchema(registered.subject(), registered.version(), registered.id(), schema));
        schemasById.putIfAbsent(registered.id(), schema);
        idByText.putIfAbsent(schema.text(), registered.id());
        maxId = Math.max(maxId, registered.id());
    }

    synchronized Optional<StoredSchema> findInSubject(String subject, String canonicalText) {
        NavigableMap<Integer, StoredSchema> versions = subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.values().stream().filter(stored -> stored.schema().text().equals(canonicalText)).findFirst();
    }

    synchronized boolean hasSubject(String subject) {
        return subjects.containsKey(subject);
    }

    synchronized Optional<CanonicalSchema> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The id a new schema with this text gets: its existing id under any subject, or the next free one. */
    synchronized int idFor(String canonicalText) {
        Integer existing = idByText.get(canonicalText);
        return existing != null ? existing : maxId + 1;
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    /** The versions of a subject, oldest first; empty when the subject does not exist. */
    synchronized List<StoredSchema> versions(String subject) {
        NavigableMap<Integer, StoredSchema> versions = subjects.get(subject);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    synchronized List<StoredSchema> holdersOf(int id) {
        List<StoredSchema> holders = new ArrayList<>();
        subjects.values().forEach(versions -> versions.values().stream()
                .filter(stored -> stored.id() == id)
                .forEach(holders::add));
        return holders;
    }

    synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized int schemaCount() {
        return schemasById.size();
    }

    synchronized int subjectCount() {
        return subjects.size();
    }
}
