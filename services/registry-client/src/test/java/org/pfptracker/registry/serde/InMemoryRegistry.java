package org.pfptracker.registry.serde;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.pfptracker.registry.client.CompatibilityCheck;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.client.RegisteredSchema;
import org.pfptracker.registry.client.RegistryErrorCodes;
import org.pfptracker.registry.client.SchemaNotFoundException;
import org.pfptracker.registry.client.SchemaRegistryClient;
import org.pfptracker.registry.client.SubjectNotFoundException;
import org.pfptracker.registry.client.SubjectVersion;

/**
 * Test double of a registry for serde unit tests: schemas by id and by subject in memory, ids handed
 * out from a chosen first id so that tests can predict the header bytes. Only what the serdes call
 * is implemented; compatibility is the real server's business and is tested there.
 */
final class InMemoryRegistry implements SchemaRegistryClient {

    private final Map<Integer, Schema> schemasById = new LinkedHashMap<>();
    private final Map<String, List<Integer>> idsBySubject = new LinkedHashMap<>();
    private final List<String> registeredSubjects = new ArrayList<>();
    private int nextId;

    InMemoryRegistry(int firstId) {
        this.nextId = firstId;
    }

    /** The subjects register() was called with, in call order, repeats included. */
    synchronized List<String> registeredSubjects() {
        return List.copyOf(registeredSubjects);
    }

    @Override
    public synchronized int register(String subject, String schema) {
        registeredSubjects.add(subject);
        Schema parsed = new Schema.Parser().parse(schema);
        int id = schemasById.entrySet().stream()
                .filter(entry -> entry.getValue().equals(parsed))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> {
                    schemasById.put(nextId, parsed);
                    return nextId++;
                });
        List<Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!ids.contains(id)) {
            ids.add(id);
        }
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, String schema) {
        List<Integer> ids = idsBySubject.get(subject);
        if (ids == null) {
            throw new SubjectNotFoundException("Subject '" + subject + "' not found.", 404, RegistryErrorCodes.SUBJECT_NOT_FOUND);
        }
        Schema parsed = new Schema.Parser().parse(schema);
        for (int version = 1; version <= ids.size(); version++) {
            int id = ids.get(version - 1);
            if (schemasById.get(id).equals(parsed)) {
                return new RegisteredSchema(subject, version, id, parsed.toString());
            }
        }
        throw new SchemaNotFoundException("Schema not found", 404, RegistryErrorCodes.SCHEMA_NOT_FOUND);
    }

    @Override
    public synchronized String schemaById(int id) {
        return avroSchemaById(id).toString();
    }

    @Override
    public synchronized Schema avroSchemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException("Schema " + id + " not found", 404, RegistryErrorCodes.SCHEMA_NOT_FOUND);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latestVersion(String subject) {
        List<Integer> ids = idsBySubject.get(subject);
        if (ids == null) {
            throw new SubjectNotFoundException("Subject '" + subject + "' not found.", 404, RegistryErrorCodes.SUBJECT_NOT_FOUND);
        }
        int id = ids.get(ids.size() - 1);
        return new RegisteredSchema(subject, ids.size(), id, schemasById.get(id).toString());
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public List<String> subjects() {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public List<Integer> versions(String subject) {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public List<SubjectVersion> subjectVersionsById(int id) {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public CompatibilityCheck checkCompatibility(String subject, String schema, boolean verbose) {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public CompatibilityLevel updateGlobalCompatibility(CompatibilityLevel level) {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public CompatibilityLevel updateSubjectCompatibility(String subject, CompatibilityLevel level) {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public int deleteSubjectVersion(String subject, int version, boolean permanent) {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        throw new UnsupportedOperationException("not used by the serdes");
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
