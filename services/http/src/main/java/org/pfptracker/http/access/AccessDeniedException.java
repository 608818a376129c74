package org.pfptracker.http.access;

/**
 * A call that may not be answered: 401 when the caller is not identified (no token, or one that does not
 * verify), 403 when the identified caller lacks the right. Each server writes it in its own error shape,
 * always with the {@code WWW-Authenticate} challenge of RFC 6750.
 */
public final class AccessDeniedException extends RuntimeException {

    private final int status;
    private final String challenge;

    private AccessDeniedException(int status, String challenge, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.challenge = challenge;
    }

    /** No token at all: the challenge names no error (RFC 6750 section 3.1). */
    public static AccessDeniedException noToken(String realm) {
        return new AccessDeniedException(401, "Bearer realm=\"" + realm + "\"",
                "this call needs a bearer token: send 'Authorization: Bearer <token>'");
    }

    /** A token that is malformed, expired, not yet valid, wrongly signed or not for us. */
    public static AccessDeniedException invalidToken(String realm, String reason) {
        return new AccessDeniedException(401, "Bearer realm=\"" + realm + "\", error=\"invalid_token\", error_description=\""
                + quoted(reason) + "\"", "the bearer token was refused: " + reason);
    }

    /** A request whose credentials cannot be read (two Authorization headers, another scheme). */
    public static AccessDeniedException invalidRequest(String realm, String reason) {
        return new AccessDeniedException(401, "Bearer realm=\"" + realm + "\", error=\"invalid_request\", error_description=\""
                + quoted(reason) + "\"", reason);
    }

    /** A valid token that does not carry the right this call needs. */
    public static AccessDeniedException forbidden(String realm, String reason) {
        return new AccessDeniedException(403, "Bearer realm=\"" + realm + "\", error=\"insufficient_scope\", error_description=\""
                + quoted(reason) + "\"", reason);
    }

    /** 401 or 403. */
    public int status() {
        return status;
    }

    /** The value of the {@code WWW-Authenticate} header to answer with. */
    public String challenge() {
        return challenge;
    }

    /** Why, for the error body; never the token itself. */
    public String reason() {
        return getMessage();
    }

    private static String quoted(String text) {
        // A quoted-string may not carry quotes, backslashes or control characters unescaped.
        return text.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
    }
}
