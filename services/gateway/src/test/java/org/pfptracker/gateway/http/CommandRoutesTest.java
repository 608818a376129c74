package org.pfptracker.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pfptracker.gateway.command.Command;
import org.pfptracker.gateway.command.EventFields;
import org.pfptracker.gateway.partner.Directories;

/** Every field of every command's event comes from somewhere: the body, or the route's path. */
class CommandRoutesTest {

    @Test
    void shouldTakeEachFieldTheBodyDoesNotGiveFromAParameterOfTheRoutesPath() {
        for (CommandRoute route : CommandRoutes.all(Directories.complete())) {
            Command command = route.command();

            assertThat(route.pathParameters()).as("path parameters of %s", route).containsAll(command.fromPath());

            Set<String> given = new HashSet<>(command.fields());
            given.addAll(command.fromPath());
            assertThat(given).as("fields of %s given by its body or path", route)
                    .containsAll(EventFields.of(command.eventType()));
        }
    }
}
