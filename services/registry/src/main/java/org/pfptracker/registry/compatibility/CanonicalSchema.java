package org.pfptracker.registry.compatibility;

import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * A parsed Avro schema and its canonical text: Avro's own compact JSON of the parsed schema, which
 * drops whitespace and fixes the order of attributes but keeps everything that changes what the
 * schema means to a reader (defaults, aliases, logical types, properties, docs). Two registrations
 * are "the same schema" when their canonical texts are equal, as with Confluent's registry.
 *
 * <p>Avro's Parsing Canonical Form would be too coarse for identity: it strips defaults, so a schema
 * that only gains a default would get the old id and lose the default for every reader.
 *
 * @param text   the canonical text, stored and served by the registry
 * @param schema the parsed schema
 */
public record CanonicalSchema(String text, Schema schema) {

    /** Validates the fields. */
    public CanonicalSchema {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(schema, "schema");
    }

    /**
     * Parses schema text, validating names and default values.
     *
     * @throws InvalidAvroSchemaException when the text is not a valid Avro schema
     */
    public static CanonicalSchema parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAvroSchemaException("Empty schema");
        }
        try {
            Schema schema = new Schema.Parser().parse(text);
            return new CanonicalSchema(schema.toString(), schema);
        } catch (AvroRuntimeException | IllegalArgumentException e) {
            // SchemaParseException, AvroTypeException (bad default) and plain JSON errors all land here.
            throw new InvalidAvroSchemaException("Invalid schema " + text + ": " + e.getMessage());
        }
    }
}
