package org.pfptracker.registry.store;

import org.pfptracker.registry.compatibility.CanonicalSchema;

/**
 * A schema as registered under a subject.
 *
 * @param subject the subject
 * @param version its version there, from 1
 * @param id      its global id
 * @param schema  the schema, parsed and canonical
 * @param deleted whether the version is soft-deleted: kept, and its id still resolves, but it is no
 *                longer listed, looked up or checked against unless deleted versions are asked for
 */
public record StoredSchema(String subject, int version, int id, CanonicalSchema schema, boolean deleted) {

    /** Whether the version is live, that is not soft-deleted. */
    public boolean live() {
        return !deleted;
    }
}
