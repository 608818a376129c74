package org.pfptracker.registry.client;

/** No schema has that id, or the subject does not hold the schema looked up (HTTP 404, error code 40403). */
public final class SchemaNotFoundException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public SchemaNotFoundException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
