package org.pfptracker.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error body in the shape of RFC 9457 ({@code application/problem+json}), the one shape every error of the
 * tracker's and the gateway's APIs takes: a client finds the status, a stable {@code type} to switch on, a short
 * title, what exactly was wrong and, when fields were at fault, each of them.
 *
 * @param type a URI naming the kind of problem: {@value #GENERIC} for plain HTTP errors, whose status says it
 *     all, or one made by {@link #type(String)}
 * @param title short, the same for every problem of the type
 * @param status the HTTP status
 * @param detail this occurrence, in words
 * @param instance the path of the request, when known
 * @param parameter for a 400 about one request parameter, its name (an extension member)
 * @param errors the fields at fault, or {@code null} when the problem is not about fields (an extension member)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter,
                      List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";
    /** The type of a problem that its status and title say all about. */
    public static final String GENERIC = "about:blank";
    /** Every problem type of ours starts so. */
    public static final String TYPE_PREFIX = "urn:pfp-tracker:problem:";
    /** The server cannot answer now and says when to try again (Retry-After). */
    public static final String UNAVAILABLE = type("unavailable");

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    /** The type URI of a kind of problem, e.g. {@code type("invalid-command")}. */
    public static String type(String name) {
        return TYPE_PREFIX + name;
    }

    /** A plain HTTP problem: its status and title say what kind it is. */
    public static Problem of(int status, String title, String detail) {
        return of(GENERIC, status, title, detail);
    }

    public static Problem of(String type, int status, String title, String detail) {
        return new Problem(type, title, status, detail, null, null, null);
    }

    /** A 400 naming the request parameter at fault. */
    public static Problem badParameter(String parameter, String detail) {
        return new Problem(GENERIC, "Bad parameter " + parameter, 400, detail, null, parameter, null);
    }

    /** A problem listing every field at fault. */
    public static Problem withErrors(String type, int status, String title, String detail, List<FieldError> errors) {
        return new Problem(type, title, status, detail, null, null, errors);
    }

    /** The same problem, said to be about the request at this path. */
    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, parameter, errors);
    }
}
