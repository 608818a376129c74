package org.pfptracker.tracker.http;

/**
 * An error body in the shape of RFC 9457 ({@code application/problem+json}), so that every client
 * finds the status, a short title and what exactly was wrong in the same places.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }
}
