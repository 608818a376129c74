package org.pfptracker.registry.client;

/** The registry failed to read or write its backing store (HTTP 500, error code 50001). */
public final class RegistryStoreException extends RetriableSchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public RegistryStoreException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
