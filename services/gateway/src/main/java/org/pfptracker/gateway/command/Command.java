package org.pfptracker.gateway.command;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One kind of command the gateway accepts, e.g. ProposeActivity.
 *
 * <p>Made with {@link #of}: the body fields are the fields of the event's schema, but its metadata and those
 * its route's path gives ({@link #fromPath}), so a field added to the schema is accepted without an edit.
 *
 * @param name the command's name, also the name of its request schema in the OpenAPI document
 * @param eventType the event it becomes
 * @param fields the body fields it accepts besides {@link CommandBody#COMMON_FIELDS}; any other is refused,
 *     so a misspelt optional field is reported rather than silently dropped
 * @param fromPath the event's fields its route's path parameters give, never the body
 * @param mapper reads, checks and maps the body
 */
public record Command(String name, Class<? extends SpecificRecord> eventType, Set<String> fields, Set<String> fromPath,
                      CommandMapper mapper) {

    public Command {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventType, "eventType");
        fields = Set.copyOf(fields);
        fromPath = Set.copyOf(fromPath);
        Objects.requireNonNull(mapper, "mapper");
        for (String field : fromPath) {
            if (fields.contains(field)) {
                throw new IllegalArgumentException(field + " cannot come from both the path and the body of " + name);
            }
        }
    }

    /** A command whose body may hold every field of its event's schema but the metadata. */
    public static Command of(String name, Class<? extends SpecificRecord> eventType, CommandMapper mapper) {
        return new Command(name, eventType, Set.copyOf(EventFields.of(eventType)), Set.of(), mapper);
    }

    /**
     * A copy whose path gives these fields of the event (an activity's id, from {@code /activities/{activityId}/...}),
     * so that the body may not.
     *
     * @throws IllegalArgumentException for a name that is not a field of the event
     */
    public Command fromPath(String... names) {
        Set<String> body = new HashSet<>(fields);
        Set<String> path = new HashSet<>(fromPath);
        for (String field : names) {
            if (!EventFields.of(eventType).contains(field)) {
                throw new IllegalArgumentException(field + " is not a field of " + eventType.getSimpleName()
                        + "; its fields are " + EventFields.of(eventType));
            }
            body.remove(field);
            path.add(field);
        }
        return new Command(name, eventType, body, path, mapper);
    }

    /** A copy whose body also holds these fields, which the mapper puts elsewhere (a joining partner's id). */
    public Command alsoAccepting(String... names) {
        Set<String> body = new HashSet<>(fields);
        body.addAll(Arrays.asList(names));
        return new Command(name, eventType, body, fromPath, mapper);
    }

    /** The Avro schema of the event this command becomes. */
    public Schema eventSchema() {
        return EventFields.schemaOf(eventType);
    }

    /**
     * The event this command describes.
     *
     * @throws InvalidCommandException naming every field that breaks a rule
     * @throws PartnerConflictException when it would make a partner join twice
     */
    public SpecificRecord toEvent(CommandRequest request) {
        CommandBody body = CommandBody.of(request, fields);
        Supplier<? extends SpecificRecord> mapped = mapper.read(request, body);
        // Fields of the schema the mapper does not read (added since it was written) are carried, not dropped.
        Supplier<? extends SpecificRecord> event = body.withSchemaFields(eventSchema(), mapped);
        body.throwIfInvalid();
        return event.get();
    }
}
