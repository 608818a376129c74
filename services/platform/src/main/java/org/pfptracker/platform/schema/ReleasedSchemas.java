package org.pfptracker.platform.schema;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The schemas that earlier releases of this project carried for each contract record, before the
 * one this build carries: together with it, every schema this project ever had registered under the
 * record's subject. {@link SchemaContract#check()} takes a registered version whose schema is none
 * of them as a version this project never released (registered by hand, by another tool, or while a
 * subject's level had been weakened) and fails, because the compatibility policy can only be relied
 * on for versions that were held to it.
 *
 * <p>Empty for now, truthfully: no contract schema has changed since it was first released (every
 * {@code .avsc} under {@code schemas/} has a single version in the project's history). Before you
 * change a schema under {@code schemas/}, add the released one here, as the registry holds it
 * ({@code GET /subjects/<subject>/versions/<n>/schema}), under the record's full name, oldest first.
 * {@code ReleasedSchemasTest} checks that each entry parses, is the record it is listed under, and
 * can be read by this build's schema as the policy requires.
 */
final class ReleasedSchemas {

    /** Record full name to the schema texts of earlier releases, oldest first. */
    private static final Map<String, List<String>> EARLIER = Map.of();

    private ReleasedSchemas() {
    }

    /** The schemas of earlier releases of the record, oldest first; empty when it never changed. */
    static List<Schema> earlierThanThisBuild(String recordFullName) {
        return EARLIER.getOrDefault(recordFullName, List.of()).stream()
                // Each text is a whole schema with its named types inlined: one parser each.
                .map(text -> new Schema.Parser().parse(text))
                .toList();
    }

    /** Every record with earlier releases listed. */
    static List<String> recordsWithEarlierReleases() {
        return List.copyOf(EARLIER.keySet());
    }
}
