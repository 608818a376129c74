package org.pfptracker.registry.client;

/** A registry follower could not forward the request to its primary (HTTP 500, error code 50003). */
public final class RegistryForwardingException extends RetriableSchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public RegistryForwardingException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
