package org.pfptracker.registry.client;

/** The subject has never been registered (HTTP 404, error code 40401). */
public final class SubjectNotFoundException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public SubjectNotFoundException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
