package org.pfptracker.registry.client;

/** The registry cannot parse or accept the schema (HTTP 422, error code 42201). */
public final class InvalidSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public InvalidSchemaException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
