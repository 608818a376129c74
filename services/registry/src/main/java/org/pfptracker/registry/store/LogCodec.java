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
 * so that an operator reading the topic with a console consumer sees what they know. Keys are
 * written field by field in a fixed order: compaction compares key bytes, and the same key must
 * always be the same bytes.
 */
final class LogCodec {

    private static final String SCHEMA = "SCHEMA";
    private static final String CONFIG = "CONFIG";

    private final ObjectMapper json = new ObjectMapper();

    byte[] key(LogEntry entry) {
        ObjectNode key = json.createObjectNode();
        if (entry instanceof LogEntry.SchemaRegistered registered) {
            key.put("keytype", SCHEMA).put("subject", registered.subject()).put("version", registered.version())
                    .put("magic", 1);
        } else if (entry instanceof LogEntry.CompatibilitySet config) {
            key.put("keytype", CONFIG).put("subject", config.subject()).put("magic", 0);
        }
        return bytes(key);
    }

    /** The value, or null for a tombstone. */
    byte[] value(LogEntry entry) {
        if (entry instanceof LogEntry.SchemaRegistered registered) {
            return bytes(json.createObjectNode()
                    .put("subject", registered.subject())
                    .put("version", registered.version())
                    .put("id", registered.id())
                    .put("schema", registered.schema())
                    .put("deleted", false));
        }
        LogEntry.CompatibilitySet config = (LogEntry.CompatibilitySet) entry;
        return config.level() == null ? null
                : bytes(json.createObjectNode().put("compatibilityLevel", config.level().name()));
    }

    /**
     * Decodes one record.
     *
     * @return the entry, or empty for a kind of record this registry does not use (Confluent's
     *         NOOP, MODE, deletions) or a soft-deleted schema
     * @throws IllegalArgumentException when the record is not in the expected layout
     */
    Optional<LogEntry> decode(byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = parse(keyBytes, "key");
        String keyType = key.path("keytype").asText();
        String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
        if (SCHEMA.equals(keyType)) {
            if (valueBytes == null) {
                return Optional.empty();
            }
            JsonNode value = parse(valueBytes, "value");
            if (value.path("deleted").asBoolean(false)) {
                return Optional.empty();
            }
            requireFields(value, "subject", "version", "id", "schema");
            return Optional.of(new LogEntry.SchemaRegistered(value.get("subject").asText(),
                    value.get("version").asInt(), value.get("id").asInt(), value.get("schema").asText()));
        }
        if (CONFIG.equals(keyType)) {
            if (valueBytes == null) {
                return Optional.of(new LogEntry.CompatibilitySet(subject, null));
            }
            String level = parse(valueBytes, "value").path("compatibilityLevel").asText();
            return Optional.of(new LogEntry.CompatibilitySet(subject, CompatibilityLevel.parse(level)
                    .orElseThrow(() -> new IllegalArgumentException("unknown compatibility level '" + level + "'"))));
        }
        return Optional.empty();
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

    private static void requireFields(JsonNode value, String... fields) {
        for (String field : fields) {
            if (!value.hasNonNull(field)) {
                throw new IllegalArgumentException("value has no '" + field + "'");
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
