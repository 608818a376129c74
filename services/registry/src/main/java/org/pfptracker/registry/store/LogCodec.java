package org.pfptracker.registry.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.pfptracker.registry.client.CompatibilityLevel;

/**
 * Reads and writes the records of the schemas topic. Keys and values are JSON in the layout of
 * Confluent's {@code _schemas} topic ({@code {"keytype":"SCHEMA","subject":...,"version":...,"magic":1}}),
 * so that an operator reading the topic with a console consumer sees what they know: a soft delete
 * rewrites the version's record with {@code "deleted":true}, a permanent delete is a tombstone on
 * its key. Keys are written field by field in a fixed order: compaction compares key bytes, and the
 * same key must always be the same bytes.
 */
final class LogCodec {

    private static final String SCHEMA = "SCHEMA";
    private static final String CONFIG = "CONFIG";
    /** Our own record kind (see {@link LogEntry.IdsIssued}); Confluent's registry has none like it. */
    private static final String IDS_ISSUED = "IDS_ISSUED";

    private final ObjectMapper json = new ObjectMapper();

    private final LogEntry.Visitor<byte[]> keys = new LogEntry.Visitor<>() {
        @Override
        public byte[] schemaRegistered(LogEntry.SchemaRegistered entry) {
            return schemaKey(entry.subject(), entry.version());
        }

        @Override
        public byte[] schemaSoftDeleted(LogEntry.SchemaSoftDeleted entry) {
            return schemaKey(entry.subject(), entry.version());
        }

        @Override
        public byte[] schemaPermanentlyDeleted(LogEntry.SchemaPermanentlyDeleted entry) {
            return schemaKey(entry.subject(), entry.version());
        }

        @Override
        public byte[] idsIssued(LogEntry.IdsIssued entry) {
            return bytes(json.createObjectNode().put("keytype", IDS_ISSUED).put("magic", 0));
        }

        @Override
        public byte[] compatibilitySet(LogEntry.CompatibilitySet entry) {
            return bytes(json.createObjectNode().put("keytype", CONFIG).put("subject", entry.subject()).put("magic", 0));
        }
    };

    private final LogEntry.Visitor<byte[]> values = new LogEntry.Visitor<>() {
        @Override
        public byte[] schemaRegistered(LogEntry.SchemaRegistered entry) {
            return schemaValue(entry.subject(), entry.version(), entry.id(), entry.schema(), false);
        }

        @Override
        public byte[] schemaSoftDeleted(LogEntry.SchemaSoftDeleted entry) {
            return schemaValue(entry.subject(), entry.version(), entry.id(), entry.schema(), true);
        }

        @Override
        public byte[] schemaPermanentlyDeleted(LogEntry.SchemaPermanentlyDeleted entry) {
            return null;
        }

        @Override
        public byte[] idsIssued(LogEntry.IdsIssued entry) {
            return bytes(json.createObjectNode().put("highest", entry.highest()));
        }

        @Override
        public byte[] compatibilitySet(LogEntry.CompatibilitySet entry) {
            return entry.level() == null ? null
                    : bytes(json.createObjectNode().put("compatibilityLevel", entry.level().name()));
        }
    };

    byte[] key(LogEntry entry) {
        return entry.accept(keys);
    }

    /** The value, or null for a tombstone. */
    byte[] value(LogEntry entry) {
        return entry.accept(values);
    }

    /**
     * Decodes one record.
     *
     * @return the entry, or empty for a kind of record this registry does not use (Confluent's
     *         NOOP, MODE, DELETE_SUBJECT, ...)
     * @throws IllegalArgumentException when the record is not in the expected layout
     */
    Optional<LogEntry> decode(byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = parse(keyBytes, "key");
        String keyType = key.path("keytype").asText();
        String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
        if (SCHEMA.equals(keyType)) {
            return Optional.of(schema(key, valueBytes));
        }
        if (CONFIG.equals(keyType)) {
            if (valueBytes == null) {
                return Optional.of(new LogEntry.CompatibilitySet(subject, null));
            }
            String level = parse(valueBytes, "value").path("compatibilityLevel").asText();
            return Optional.of(new LogEntry.CompatibilitySet(subject, CompatibilityLevel.parse(level)
                    .orElseThrow(() -> new IllegalArgumentException("unknown compatibility level '" + level + "'"))));
        }
        if (IDS_ISSUED.equals(keyType) && valueBytes != null) {
            JsonNode value = parse(valueBytes, "value");
            requireFields(value, "value", "highest");
            return Optional.of(new LogEntry.IdsIssued(value.get("highest").asInt()));
        }
        return Optional.empty();
    }

    private LogEntry schema(JsonNode key, byte[] valueBytes) {
        if (valueBytes == null) {
            requireFields(key, "key", "subject", "version");
            return new LogEntry.SchemaPermanentlyDeleted(key.get("subject").asText(), key.get("version").asInt());
        }
        JsonNode value = parse(valueBytes, "value");
        requireFields(value, "value", "subject", "version", "id", "schema");
        String subject = value.get("subject").asText();
        int version = value.get("version").asInt();
        int id = value.get("id").asInt();
        String schema = value.get("schema").asText();
        return value.path("deleted").asBoolean(false)
                ? new LogEntry.SchemaSoftDeleted(subject, version, id, schema)
                : new LogEntry.SchemaRegistered(subject, version, id, schema);
    }

    private byte[] schemaKey(String subject, int version) {
        return bytes(json.createObjectNode().put("keytype", SCHEMA).put("subject", subject).put("version", version)
                .put("magic", 1));
    }

    private byte[] schemaValue(String subject, int version, int id, String schema, boolean deleted) {
        ObjectNode value = json.createObjectNode()
                .put("subject", subject)
                .put("version", version)
                .put("id", id)
                .put("schema", schema)
                .put("deleted", deleted);
        return bytes(value);
    }

    private JsonNode parse(byte[] bytes, String part) {
        if (bytes == null) {
            throw new IllegalArgumentException("record has no " + part);
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException(part + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static void requireFields(JsonNode node, String part, String... fields) {
        for (String field : fields) {
            if (!node.hasNonNull(field)) {
                throw new IllegalArgumentException(part + " has no '" + field + "'");
            }
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + node, e);
        }
    }
}
