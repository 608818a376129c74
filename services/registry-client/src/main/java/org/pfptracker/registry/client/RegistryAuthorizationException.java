package org.pfptracker.registry.client;

/**
 * The registry knows the caller but does not let it make this call (HTTP 403; Confluent's error code
 * 40301, or the bare 403), e.g. a write without the registry-admin role. The message carries the
 * server's reason and the call that was refused, never the credentials.
 */
public final class RegistryAuthorizationException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public RegistryAuthorizationException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
