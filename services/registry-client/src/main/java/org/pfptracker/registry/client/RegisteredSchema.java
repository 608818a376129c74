package org.pfptracker.registry.client;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A schema as a registry holds it under a subject.
 *
 * @param subject the subject
 * @param version its version under the subject, from 1
 * @param id      its global id, shared by every subject that holds the same schema
 * @param schema  the schema text as the registry stores it
 */
public record RegisteredSchema(String subject, int version, int id, String schema) {

    /** Validates the fields. */
    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }

    /** Parses the schema text as Avro (a new parse on each call). */
    public Schema avroSchema() {
        return new Schema.Parser().parse(schema);
    }
}
