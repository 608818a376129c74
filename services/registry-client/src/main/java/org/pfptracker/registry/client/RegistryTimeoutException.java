package org.pfptracker.registry.client;

/** The registry timed out waiting for its backing store (HTTP 500, error code 50002). */
public final class RegistryTimeoutException extends RetriableSchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public RegistryTimeoutException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
