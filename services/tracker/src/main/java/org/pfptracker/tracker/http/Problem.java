package org.pfptracker.tracker.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error body in the shape of RFC 9457 ({@code application/problem+json}), so that every client
 * finds the status, a short title and what exactly was wrong in the same places.
 *
 * @param type always {@code about:blank}: the status and title say it all
 * @param title short, the same for every occurrence of the problem
 * @param status the HTTP status
 * @param detail what exactly was wrong with this request
 * @param instance the path of the request, when known
 * @param parameter for a 400, the request parameter at fault (an RFC 9457 extension member)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    /** A 400 naming the parameter at fault. */
    public static Problem badParameter(String parameter, String detail) {
        return new Problem("about:blank", "Bad parameter " + parameter, 400, detail, null, parameter);
    }

    /** The same problem, said to be about the request at this path. */
    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, parameter);
    }
}
