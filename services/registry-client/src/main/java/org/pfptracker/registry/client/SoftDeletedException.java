package org.pfptracker.registry.client;

/**
 * A soft delete of what is soft-deleted already: a subject none of whose versions is live (error code
 * 40404) or a version (40406). Confluent's registry and ours answer HTTP 404, Apicurio's 409. Delete it
 * again with {@code permanent} to remove it for good.
 */
public final class SoftDeletedException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public SoftDeletedException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
