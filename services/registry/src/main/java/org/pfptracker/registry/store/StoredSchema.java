package org.pfptracker.registry.store;

import org.pfptracker.registry.compatibility.CanonicalSchema;

/**
 * A schema as registered under a subject.
 *
 * @param subject the subject
 * @param version its version there, from 1
 * @param id      its global id
 * @param schema  the schema, parsed and canonical
 */
public record StoredSchema(String subject, int version, int id, CanonicalSchema schema) {
}
