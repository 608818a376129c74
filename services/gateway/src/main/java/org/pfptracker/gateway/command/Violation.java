package org.pfptracker.gateway.command;

import java.util.Objects;

/**
 * One thing wrong with a command.
 *
 * @param field where, as a JSON path relative to the body ({@code title}, {@code objectives[2].targetDate}),
 *     or the name of the path parameter
 * @param message what is wrong and, where it helps, what would be right
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
