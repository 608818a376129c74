package org.pfptracker.registry.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.client.protocol.RegisterSchemaRequest;
import org.pfptracker.registry.compatibility.CanonicalSchema;
import org.pfptracker.registry.compatibility.CompatibilityChecker;
import org.pfptracker.registry.compatibility.InvalidAvroSchemaException;

/**
 * The registry's operations, on the state read from the schemas topic: what the REST API does,
 * without HTTP. Refusals are {@link RegistryException}s carrying Confluent's status and error code.
 *
 * <p>Reads answer from memory. A read that finds nothing first catches up with the topic and asks
 * again, so that a schema registered through another instance a moment ago is found here too: a
 * consumer must be able to fetch the id a producer was just given, whichever instance each asks.
 *
 * <p>Deletion follows Confluent's two steps. A soft delete hides a version from listings, look-ups
 * and compatibility checks, but keeps it in the log, so its id still resolves for records already
 * written; {@code includeDeleted} reads show it. Only a soft-deleted version can then be deleted
 * permanently. Both are records in the schemas topic, so they survive restarts and every instance
 * applies them.
 */
public final class SchemaStore implements AutoCloseable {

    private final RegistryState state = new RegistryState();
    private final CompatibilityLevel defaultLevel;
    private final KafkaSchemaLog schemaLog;

    private SchemaStore(RegistryConfig config) {
        this.defaultLevel = config.defaultCompatibility();
        this.schemaLog = KafkaSchemaLog.open(config, state::apply);
    }

    /**
     * Creates or checks the schemas topic and reads it to the end.
     *
     * @throws IllegalStateException when the topic exists but cannot hold schemas safely
     * @throws RegistryException     when Kafka cannot be read in time
     */
    public static SchemaStore open(RegistryConfig config) {
        return new SchemaStore(config);
    }

    /**
     * Registers a schema under a subject, or finds it there.
     *
     * @return the schema's global id: the existing one when the same schema is registered anywhere
     */
    public int register(String subject, RegisterSchemaRequest request) {
        CanonicalSchema schema = parse(request);
        Optional<StoredSchema> known = state.findInSubject(subject, schema.text(), false);
        if (known.isPresent()) {
            return known.get().id();
        }
        return schemaLog.write(() -> {
            Optional<StoredSchema> registered = state.findInSubject(subject, schema.text(), false);
            if (registered.isPresent()) {
                return KafkaSchemaLog.Decision.answer(registered.get().id());
            }
            // Soft-deleted versions take no part: a schema that was retired registers again as a new
            // version (with its old id), and only live versions constrain what may follow.
            List<StoredSchema> live = state.versions(subject, false);
            List<String> problems = CompatibilityChecker.incompatibilities(levelOf(subject), schema.schema(), earlier(live));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible(subject, problems);
            }
            int id = state.idFor(schema.text());
            int version = state.nextVersion(subject);
            return KafkaSchemaLog.Decision.append(new LogEntry.SchemaRegistered(subject, version, id, schema.text()), id);
        });
    }

    /**
     * Finds a schema under a subject without registering it.
     *
     * @param includeDeleted whether a soft-deleted version may be the answer
     * @throws RegistryException 40401 for an unknown subject, 40403 when the subject lacks the schema
     */
    public StoredSchema lookup(String subject, RegisterSchemaRequest request, boolean includeDeleted) {
        CanonicalSchema schema = parse(request);
        return fresh(() -> {
            if (!state.hasSubject(subject, includeDeleted)) {
                throw RegistryException.subjectNotFound(subject);
            }
            return state.findInSubject(subject, schema.text(), includeDeleted).orElseThrow(RegistryException::schemaNotFound);
        });
    }

    /** The schema with a global id, also when only soft-deleted versions hold it; 40403 when there is none. */
    public CanonicalSchema schemaById(int id) {
        return fresh(() -> state.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id)));
    }

    /**
     * Where a schema is registered, by subject and version: live versions, and soft-deleted ones when
     * asked. Empty when only soft-deleted versions hold it; 40403 when no schema has the id.
     */
    public List<StoredSchema> holdersOf(int id, boolean includeDeleted) {
        return fresh(() -> {
            if (state.schemaById(id).isEmpty()) {
                throw RegistryException.schemaNotFound(id);
            }
            return state.holdersOf(id, includeDeleted);
        });
    }

    /** Every subject with a live version (with any version, when asked), in name order. */
    public List<String> subjects(boolean includeDeleted) {
        return state.subjects(includeDeleted);
    }

    /**
     * The versions of a subject, oldest first: live ones, and soft-deleted ones when asked; 40401 when
     * there are none.
     */
    public List<StoredSchema> versions(String subject, boolean includeDeleted) {
        return fresh(() -> {
            List<StoredSchema> versions = state.versions(subject, includeDeleted);
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            return versions;
        });
    }

    /**
     * One version of a subject. "latest" is the latest live version, as in Confluent's registry; a
     * numbered soft-deleted version is found only when asked.
     *
     * @throws RegistryException 40401, 40402
     */
    public StoredSchema version(String subject, VersionId version, boolean includeDeleted) {
        return fresh(() -> {
            List<StoredSchema> versions = state.versions(subject, includeDeleted);
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            return version.among(versions);
        });
    }

    /**
     * Deletes one version of a subject: softly, or for good when {@code permanent} and the version
     * was soft-deleted first. "latest" names the latest live version.
     *
     * @return the version deleted
     * @throws RegistryException 40401 for an unknown subject, 40402 for an unknown version, 40406 for
     *                           a soft delete of a soft-deleted version, 40407 for a permanent delete
     *                           of a live one
     */
    public int deleteVersion(String subject, VersionId version, boolean permanent) {
        return schemaLog.write(() -> Deletions.ofVersion(state, subject, version, permanent));
    }

    /**
     * Deletes every version of a subject: softly (the live ones), or for good when {@code permanent}
     * and every version was soft-deleted first, together with the subject's own compatibility level.
     *
     * @return the versions deleted, oldest first
     * @throws RegistryException 40401 for an unknown subject, 40404 for a soft delete of a subject with
     *                           no live version, 40405 for a permanent delete of one with live versions
     */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return schemaLog.write(() -> Deletions.ofSubject(state, subject, permanent));
    }

    /**
     * Checks a schema against one live version of a subject, or against every live version as a
     * registration would when {@code version} is empty, at the subject's level.
     *
     * @return the reasons it is incompatible; empty when compatible, including against "latest" of a
     *         subject that has no versions yet
     * @throws RegistryException 40402 for a numbered version that does not exist
     */
    public List<String> incompatibilities(String subject, Optional<VersionId> version, RegisterSchemaRequest request) {
        CanonicalSchema schema = parse(request);
        List<StoredSchema> against;
        List<StoredSchema> live = state.versions(subject, false);
        if (version.isEmpty()) {
            against = live;
        } else if (version.get().isLatest()) {
            against = live.isEmpty() ? List.of() : List.of(live.get(live.size() - 1));
        } else {
            against = List.of(fresh(() -> version.get().among(state.versions(subject, false))));
        }
        return CompatibilityChecker.incompatibilities(levelOf(subject), schema.schema(), earlier(against));
    }

    /** The registry-wide compatibility level. */
    public CompatibilityLevel globalLevel() {
        return state.globalLevel().orElse(defaultLevel);
    }

    /** Stores a registry-wide level; 42203 when the text names no level. */
    public CompatibilityLevel updateGlobalLevel(String level) {
        CompatibilityLevel parsed = parseLevel(level);
        return schemaLog.write(() -> KafkaSchemaLog.Decision.append(new LogEntry.CompatibilitySet(null, parsed), parsed));
    }

    /**
     * A subject's own level; with {@code defaultToGlobal} the global one when it has none, otherwise
     * 40408.
     */
    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> own = state.subjectLevel(subject);
        if (own.isPresent()) {
            return own.get();
        }
        if (defaultToGlobal) {
            return globalLevel();
        }
        throw RegistryException.subjectCompatibilityNotConfigured(subject);
    }

    /** Stores a subject's own level; 42203 when the text names no level. The subject need not exist. */
    public CompatibilityLevel updateSubjectLevel(String subject, String level) {
        CompatibilityLevel parsed = parseLevel(level);
        return schemaLog.write(() -> KafkaSchemaLog.Decision.append(new LogEntry.CompatibilitySet(subject, parsed), parsed));
    }

    /** Number of distinct schemas (ids) held. */
    public int schemaCount() {
        return state.schemaCount();
    }

    /** Number of subjects held. */
    public int subjectCount() {
        return state.subjectCount();
    }

    /** The schemas topic. */
    public String topic() {
        return schemaLog.topic();
    }

    /** The offset up to which the topic has been read. */
    public long position() {
        return schemaLog.position();
    }

    /** Why the last read of the schemas topic failed; empty while reads succeed. */
    public Optional<String> readFailure() {
        return schemaLog.readFailure();
    }

    @Override
    public void close() {
        schemaLog.close();
    }

    private CompatibilityLevel levelOf(String subject) {
        return state.subjectLevel(subject).orElseGet(this::globalLevel);
    }

    private <T> T fresh(Supplier<T> read) {
        try {
            return read.get();
        } catch (RegistryException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
            schemaLog.awaitCaughtUp();
            return read.get();
        }
    }

    private static List<CompatibilityChecker.Version> earlier(List<StoredSchema> versions) {
        return versions.stream()
                .map(stored -> new CompatibilityChecker.Version(stored.version(), stored.schema().schema()))
                .toList();
    }

    private static CanonicalSchema parse(RegisterSchemaRequest request) {
        if (request == null) {
            throw RegistryException.invalidSchema("Empty schema");
        }
        if (request.schemaType() != null && !"AVRO".equalsIgnoreCase(request.schemaType())) {
            throw RegistryException.invalidSchema("Invalid schema type " + request.schemaType()
                    + ": this registry holds AVRO schemas only");
        }
        if (request.references() != null && !request.references().isEmpty()) {
            throw RegistryException.invalidSchema("Schema references are not supported by this registry; "
                    + "inline the referenced types");
        }
        try {
            return CanonicalSchema.parse(request.schema());
        } catch (InvalidAvroSchemaException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        }
    }

    private static CompatibilityLevel parseLevel(String level) {
        return CompatibilityLevel.parse(level).orElseThrow(() -> RegistryException.invalidCompatibilityLevel(level));
    }
}
