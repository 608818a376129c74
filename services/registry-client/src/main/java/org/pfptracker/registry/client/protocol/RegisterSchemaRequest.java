package org.pfptracker.registry.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Body of {@code POST /subjects/{subject}/versions}, {@code POST /subjects/{subject}} and the
 * compatibility checks.
 *
 * @param schema     the schema text (an Avro schema as JSON, escaped into this string)
 * @param schemaType AVRO, PROTOBUF or JSON; absent means AVRO
 * @param references references to schemas under other subjects; absent means none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RegisterSchemaRequest(String schema, String schemaType, List<SchemaReference> references) {

    /** An Avro schema with no references, as Confluent's client sends it. */
    public static RegisterSchemaRequest avro(String schema) {
        return new RegisterSchemaRequest(schema, null, null);
    }
}
