package org.pfptracker.registry.client;

/**
 * No OAuth token could be had from the token endpoint, so the registry was not called: the endpoint
 * refused the client credentials, answered something other than a token, or could not be reached.
 * {@link #httpStatus()} is -1 (the registry gave no answer); {@link #endpointStatus()} is the token
 * endpoint's. The message carries the endpoint's reason, never the client secret.
 */
public final class TokenEndpointException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    private final int endpointStatus;
    private final boolean retriable;

    /**
     * @param message        what happened, without secrets
     * @param endpointStatus the token endpoint's HTTP status, or -1 when it gave no answer
     * @param retriable      whether asking again later may succeed (no answer, 429 or 5xx)
     * @param cause          the underlying failure, may be null
     */
    public TokenEndpointException(String message, int endpointStatus, boolean retriable, Throwable cause) {
        super(message, -1, -1, cause);
        this.endpointStatus = endpointStatus;
        this.retriable = retriable;
    }

    /** The token endpoint's HTTP status, or -1 when it gave no answer. */
    public int endpointStatus() {
        return endpointStatus;
    }

    @Override
    public boolean isRetriable() {
        return retriable;
    }
}
