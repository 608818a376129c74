package org.pfptracker.gateway.command;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * One kind of command the gateway accepts, e.g. ProposeActivity.
 *
 * @param name the command's name, also the name of its request schema in the OpenAPI document
 * @param eventType the event it becomes
 * @param fields the body fields it accepts besides {@link CommandBody#COMMON_FIELDS}; any other is refused,
 *     so a misspelt optional field is reported rather than silently dropped
 * @param mapper reads, checks and maps the body
 */
public record Command(String name, Class<? extends SpecificRecord> eventType, Set<String> fields,
                      CommandMapper mapper) {

    public Command {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventType, "eventType");
        fields = Set.copyOf(fields);
        Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * The event this command describes.
     *
     * @throws InvalidCommandException naming every field that breaks a rule
     * @throws PartnerConflictException when it would make a partner join twice
     */
    public SpecificRecord toEvent(CommandRequest request) {
        CommandBody body = CommandBody.of(request, fields);
        Supplier<? extends SpecificRecord> event = mapper.read(request, body);
        body.throwIfInvalid();
        return event.get();
    }
}
