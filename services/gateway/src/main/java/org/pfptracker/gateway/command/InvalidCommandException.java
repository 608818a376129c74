package org.pfptracker.gateway.command;

import java.util.List;

/**
 * A command broke one or more rules; every violation found is listed, not only the first. An expected
 * outcome (a client's mistake), so it carries no stack trace.
 */
public final class InvalidCommandException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidCommandException(List<Violation> violations) {
        super(violations.size() + " invalid field(s): " + violations, null, false, false);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("An invalid command has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
