package org.pfptracker.registry.client;

/** The compatibility level is not one the registry knows (HTTP 422, error code 42203). */
public final class InvalidCompatibilityLevelException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public InvalidCompatibilityLevelException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
