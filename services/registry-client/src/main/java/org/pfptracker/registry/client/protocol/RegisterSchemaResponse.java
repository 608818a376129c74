package org.pfptracker.registry.client.protocol;

/**
 * Answer to {@code POST /subjects/{subject}/versions}.
 *
 * @param id the schema's global id, the one written into every record's wire-format header
 */
public record RegisterSchemaResponse(int id) {
}
