package org.pfptracker.gateway.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

/** What a command rejects, for assertions. */
final class Violations {

    private Violations() {
    }

    /** The violations the command reports for this request; fails the test if it accepts the request. */
    static List<Violation> of(Command command, CommandRequest request) {
        List<Violation> found = new ArrayList<>();
        assertThatThrownBy(() -> command.toEvent(request))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> found.addAll(e.violations()));
        return found;
    }
}
