package org.pfptracker.registry.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer to {@code GET /schemas/ids/{id}}.
 *
 * @param schemaType absent for Avro, as Confluent answers
 * @param schema     the schema text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaByIdResponse(String schemaType, String schema) {
}
