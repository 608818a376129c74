package org.pfptracker.registry.client;

/**
 * A refusal or failure reported by a schema registry, with the HTTP status and Confluent
 * {@code error_code} it came with. Subclasses name the cases a caller is likely to handle; anything
 * else (an unknown code, a 400 from a proxy) arrives as this class itself.
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    /**
     * @param message   the registry's message, or ours when there was no answer
     * @param httpStatus the HTTP status, or -1 when no response was received
     * @param errorCode the Confluent error code, or the HTTP status when the body carried none
     * @param cause     the underlying failure, may be null
     */
    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The HTTP status of the registry's answer, or -1 when no answer was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent's {@code error_code}, e.g. 40401; the HTTP status when the body had none. */
    public int errorCode() {
        return errorCode;
    }

    /** True when the same request may succeed later or on another registry instance. */
    public boolean isRetriable() {
        return false;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{httpStatus=" + httpStatus + ", errorCode=" + errorCode
                + ", message=" + getMessage() + "}";
    }
}
