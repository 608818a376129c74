package org.pfptracker.registry.client.protocol;

/**
 * One element of {@code GET /schemas/ids/{id}/versions}: a subject and version holding the schema.
 *
 * @param subject the subject
 * @param version the version under that subject
 */
public record SubjectVersionResponse(String subject, int version) {
}
