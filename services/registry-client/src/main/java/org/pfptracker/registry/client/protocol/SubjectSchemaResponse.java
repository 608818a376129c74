package org.pfptracker.registry.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A schema as registered under a subject: the answer to {@code POST /subjects/{subject}} (look-up)
 * and {@code GET /subjects/{subject}/versions/{version}}.
 *
 * @param subject    the subject
 * @param version    its version under that subject, from 1
 * @param id         the schema's global id
 * @param schemaType absent for Avro, as Confluent answers
 * @param schema     the schema text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectSchemaResponse(String subject, int version, int id, String schemaType, String schema) {
}
