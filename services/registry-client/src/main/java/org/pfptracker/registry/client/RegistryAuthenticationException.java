package org.pfptracker.registry.client;

/**
 * The registry did not accept the caller's credentials (HTTP 401; Confluent's error code 40101, or the
 * bare 401): none were sent, or they were wrong, expired or revoked. Asking again with the same
 * credentials will not help. The message carries the server's reason and its {@code WWW-Authenticate}
 * challenge, and says what kind of credentials were sent, never the credentials themselves.
 */
public final class RegistryAuthenticationException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public RegistryAuthenticationException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
