package org.pfptracker.registry.client;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A client of a registry speaking Confluent's Schema Registry REST API: ours, Confluent's, or any
 * compatible one. Implementations are thread-safe and cache what never changes (a schema's id, the
 * schema behind an id), so the serdes can ask on every record.
 *
 * <p>Every method throws a {@link SchemaRegistryException} subclass when the registry refuses
 * ({@link SubjectNotFoundException}, {@link IncompatibleSchemaException}, ...) and a
 * {@link RetriableSchemaRegistryException} when it cannot be reached or fails on its side.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /**
     * Registers a schema under a subject, or finds it there if it already is
     * ({@code POST /subjects/{subject}/versions}).
     *
     * @param subject the subject, e.g. {@code partners-value}
     * @param schema  the Avro schema as JSON text
     * @return the schema's global id
     * @throws IncompatibleSchemaException when the subject's compatibility level refuses it
     * @throws InvalidSchemaException      when the registry cannot parse it
     */
    int register(String subject, String schema);

    /** Registers an Avro schema; see {@link #register(String, String)}. */
    default int register(String subject, Schema schema) {
        return register(subject, schema.toString());
    }

    /**
     * Finds a schema registered under a subject without registering it ({@code POST /subjects/{subject}}).
     *
     * @throws SubjectNotFoundException when the subject does not exist
     * @throws SchemaNotFoundException  when the subject does not hold that schema
     */
    RegisteredSchema lookup(String subject, String schema);

    /** Looks up an Avro schema; see {@link #lookup(String, String)}. */
    default RegisteredSchema lookup(String subject, Schema schema) {
        return lookup(subject, schema.toString());
    }

    /**
     * The schema text behind a global id ({@code GET /schemas/ids/{id}}).
     *
     * @throws SchemaNotFoundException when no schema has that id
     */
    String schemaById(int id);

    /**
     * The Avro schema behind a global id, parsed once and cached.
     *
     * @throws SchemaNotFoundException when no schema has that id
     * @throws InvalidSchemaException  when the registry's text is not an Avro schema
     */
    Schema avroSchemaById(int id);

    /**
     * The latest version of a subject ({@code GET /subjects/{subject}/versions/latest}); never cached,
     * since a new version may have been registered since.
     *
     * @throws SubjectNotFoundException when the subject does not exist
     */
    RegisteredSchema latestVersion(String subject);

    /**
     * One version of a subject ({@code GET /subjects/{subject}/versions/{version}}).
     *
     * @throws SubjectNotFoundException when the subject does not exist
     * @throws VersionNotFoundException when it has no such version
     * @throws InvalidVersionException  when the version is not 1..2^31-1
     */
    RegisteredSchema version(String subject, int version);

    /** Every subject ({@code GET /subjects}). */
    List<String> subjects();

    /**
     * The live versions of a subject, ascending ({@code GET /subjects/{subject}/versions}); soft-deleted
     * ones are left out.
     *
     * @throws SubjectNotFoundException when the subject does not exist or has no live version
     */
    List<Integer> versions(String subject);

    /**
     * The subjects and versions that hold a schema ({@code GET /schemas/ids/{id}/versions}).
     *
     * @throws SchemaNotFoundException when no schema has that id
     */
    List<SubjectVersion> subjectVersionsById(int id);

    /**
     * Checks a schema against the latest version of a subject at the subject's compatibility level
     * ({@code POST /compatibility/subjects/{subject}/versions/latest}). A subject with no version yet
     * accepts any schema.
     *
     * @param verbose ask the registry for the reasons of an incompatibility
     * @throws InvalidSchemaException when the registry cannot parse the schema
     */
    CompatibilityCheck checkCompatibility(String subject, String schema, boolean verbose);

    /** Checks an Avro schema; see {@link #checkCompatibility(String, String, boolean)}. */
    default CompatibilityCheck checkCompatibility(String subject, Schema schema, boolean verbose) {
        return checkCompatibility(subject, schema.toString(), verbose);
    }

    /** The registry-wide compatibility level ({@code GET /config}). */
    CompatibilityLevel globalCompatibility();

    /**
     * Sets the registry-wide compatibility level ({@code PUT /config}).
     *
     * @return the level now in force
     */
    CompatibilityLevel updateGlobalCompatibility(CompatibilityLevel level);

    /**
     * The compatibility level set on a subject itself ({@code GET /config/{subject}}).
     *
     * @return the subject's own level, or empty when it follows the global one
     */
    Optional<CompatibilityLevel> subjectCompatibility(String subject);

    /**
     * Sets a subject's own compatibility level ({@code PUT /config/{subject}}); the subject need not
     * exist yet.
     *
     * @return the level now in force for the subject
     */
    CompatibilityLevel updateSubjectCompatibility(String subject, CompatibilityLevel level);

    /**
     * Deletes one version of a subject ({@code DELETE /subjects/{subject}/versions/{version}}): an
     * operator's way to retire a version that should never have been registered.
     *
     * <p>A soft delete ({@code permanent} false) hides the version: it is no longer listed, looked up
     * by schema or used in compatibility checks, and later versions are numbered past it. Its schema
     * id keeps resolving, so records already written with it stay readable. A permanent delete then
     * removes the soft-deleted version for good, and with it the id when no other version holds the
     * same schema: records written with that id can no longer be read.
     *
     * <p>This client forgets what it cached about the subject's schemas, so that registering the
     * schema again registers it anew; other clients' caches keep the id they were given, which
     * resolves as long as the version is only soft-deleted.
     *
     * @return the version deleted
     * @throws SubjectNotFoundException when the subject does not exist
     * @throws VersionNotFoundException when it has no such version
     * @throws SoftDeletedException     on a soft delete of a version soft-deleted already
     * @throws NotSoftDeletedException  on a permanent delete of a version not soft-deleted first
     */
    int deleteSubjectVersion(String subject, int version, boolean permanent);

    /**
     * Deletes every version of a subject ({@code DELETE /subjects/{subject}}), softly or for good as
     * {@link #deleteSubjectVersion(String, int, boolean)} does one version.
     *
     * @return the versions deleted, ascending
     * @throws SubjectNotFoundException when the subject does not exist
     * @throws SoftDeletedException     on a soft delete of a subject with no live version left
     * @throws NotSoftDeletedException  on a permanent delete of a subject that still has live versions
     */
    List<Integer> deleteSubject(String subject, boolean permanent);

    /** Releases the client's resources; it must not be used afterwards. */
    @Override
    void close();
}
