package org.pfptracker.http.issuer;

/**
 * An OAuth 2.0 error (RFC 6749 section 5.2): its code ({@code invalid_grant}, {@code invalid_request}...)
 * and a description for the person reading it.
 */
final class OAuthException extends RuntimeException {

    private final String error;

    OAuthException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    String error() {
        return error;
    }
}
