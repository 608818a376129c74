package org.pfptracker.registry.client;

/** The version is neither 1..2^31-1 nor "latest" (HTTP 422, error code 42202). */
public final class InvalidVersionException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public InvalidVersionException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
