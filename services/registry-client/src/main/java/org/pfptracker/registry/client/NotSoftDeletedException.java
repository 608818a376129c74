package org.pfptracker.registry.client;

/**
 * A permanent delete of what was not soft-deleted first: a subject with live versions (error code
 * 40405) or a live version (40407); HTTP 404 from Confluent's registry and ours, 409 from Apicurio's.
 * A registry removes a schema for good only in two steps, so that no single request can make the ids
 * in written records unreadable.
 */
public final class NotSoftDeletedException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the registry's answer. */
    public NotSoftDeletedException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode, null);
    }
}
