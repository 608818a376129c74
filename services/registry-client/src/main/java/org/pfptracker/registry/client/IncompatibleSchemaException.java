package org.pfptracker.registry.client;

/** The schema breaks the subject's compatibility level (HTTP 409, error code 409 or 40901). */
public final class IncompatibleSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public IncompatibleSchemaException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
