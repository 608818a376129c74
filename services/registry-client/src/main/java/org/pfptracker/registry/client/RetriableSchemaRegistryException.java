package org.pfptracker.registry.client;

/**
 * The registry could not be reached or failed on its side (any 5xx, or no answer at all): the same
 * request may succeed later or on another instance. Store, timeout and forwarding failures
 * (50001-50003) have their own subclasses.
 */
public class RetriableSchemaRegistryException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from a 5xx answer, or from a connection failure (status -1). */
    public RetriableSchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, httpStatus, errorCode, cause);
    }

    @Override
    public final boolean isRetriable() {
        return true;
    }
}
