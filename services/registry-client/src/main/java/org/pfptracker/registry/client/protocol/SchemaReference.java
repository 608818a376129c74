package org.pfptracker.registry.client.protocol;

/**
 * A reference from one schema to a named type registered under another subject. Part of the API's
 * shape; this project's registry refuses schemas that carry references.
 *
 * @param name    the referenced type's name as the referring schema uses it
 * @param subject the subject the referenced schema is registered under
 * @param version the version of that subject
 */
public record SchemaReference(String name, String subject, Integer version) {
}
