package org.pfptracker.registry.client;

/** The subject exists but has no such version (HTTP 404, error code 40402). */
public final class VersionNotFoundException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public VersionNotFoundException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
