package org.pfptracker.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.pfptracker.gateway.command.Violation;

/**
 * An error body in the shape of RFC 9457 ({@code application/problem+json}): every client finds the status,
 * a stable {@code type} to switch on, a short title, what exactly was wrong and, for a command that broke
 * rules, every field at fault.
 *
 * @param type a URI naming the kind of problem, one of the constants here ({@code about:blank} for plain HTTP
 *     errors)
 * @param title short, the same for every problem of the type
 * @param status the HTTP status
 * @param detail this occurrence, in words
 * @param errors the fields at fault, or {@code null} when the problem is not about fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    private static final String PREFIX = "urn:pfp-tracker:problem:";
    public static final String INVALID_COMMAND = PREFIX + "invalid-command";
    public static final String MALFORMED_REQUEST = PREFIX + "malformed-request";
    public static final String UNSUPPORTED_MEDIA_TYPE = PREFIX + "unsupported-media-type";
    public static final String BODY_TOO_LARGE = PREFIX + "body-too-large";
    public static final String UNKNOWN_PARTNER = PREFIX + "unknown-partner";
    public static final String PARTNER_CONFLICT = PREFIX + "partner-already-joined";
    public static final String IDEMPOTENCY_KEY_REUSED = PREFIX + "idempotency-key-reused";
    public static final String UNAVAILABLE = PREFIX + "unavailable";
    public static final String GENERIC = "about:blank";

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    public static Problem of(String type, int status, String title, String detail) {
        return new Problem(type, title, status, detail, null);
    }

    public static Problem withErrors(String type, int status, String title, String detail, List<Violation> errors) {
        return new Problem(type, title, status, detail, errors);
    }
}
