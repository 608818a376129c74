package org.pfptracker.registry.compatibility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.pfptracker.registry.client.CompatibilityLevel;

/**
 * Decides whether a new schema may join a subject at a compatibility level, with Avro's own
 * {@link SchemaCompatibility} (reader/writer resolution, the rules Avro applies when it decodes).
 * Backward: the new schema reads data of the earlier ones; forward: the earlier ones read data of the
 * new one; full: both. Non-transitive levels look at the latest version only.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * @param level    the subject's level
     * @param proposed the new schema
     * @param earlier  the subject's versions, oldest first
     * @return why the schema is incompatible, in Confluent's message style; empty when it is compatible
     */
    public static List<String> incompatibilities(CompatibilityLevel level, Schema proposed, List<Version> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Version> checked = new ArrayList<>(level.transitive() ? earlier : earlier.subList(earlier.size() - 1, earlier.size()));
        // Newest first: the version a producer most likely still writes with is reported first.
        Collections.reverse(checked);
        List<String> messages = new ArrayList<>();
        for (Version version : checked) {
            List<String> found = new ArrayList<>();
            if (level.newMustReadOld()) {
                found.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(proposed, version.schema()),
                        "the new schema cannot read data written with version " + version.number()));
            }
            if (level.oldMustReadNew()) {
                found.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(version.schema(), proposed),
                        "version " + version.number() + " cannot read data written with the new schema"));
            }
            if (!found.isEmpty()) {
                messages.addAll(found);
                messages.add("{oldSchemaVersion: " + version.number() + "}");
                messages.add("{oldSchema: '" + version.schema() + "'}");
            }
        }
        if (!messages.isEmpty()) {
            messages.add("{compatibility: '" + level.name() + "'}");
        }
        return messages;
    }

    private static List<String> describe(SchemaCompatibility.SchemaPairCompatibility verdict, String direction) {
        if (verdict.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        for (Incompatibility incompatibility : verdict.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + incompatibility.getType() + "', description:'" + direction
                    + " at path '" + incompatibility.getLocation() + "': " + incompatibility.getMessage()
                    + "', additionalInfo:'" + incompatibility.getMessage() + "'}");
        }
        return messages;
    }

    /**
     * One earlier version of the subject.
     *
     * @param number its version number
     * @param schema its schema
     */
    public record Version(int number, Schema schema) {
    }
}
