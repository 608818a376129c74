package org.pfptracker.http.access;

/**
 * The issuer's keys could not be fetched, so no token can be checked now: a 503 with Retry-After, not a
 * 401 that would tell a client its valid token is bad.
 */
public final class IssuerUnavailableException extends RuntimeException {

    public IssuerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
