package org.pfptracker.http.problem;

import java.util.Objects;

/**
 * One field at fault in a refused request, listed in a problem's {@code errors}.
 *
 * @param field where, as a JSON path relative to the body ({@code objectives[2].targetDate}) or the name of a
 *     path or query parameter
 * @param message what is wrong and, where it helps, what would be right
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
