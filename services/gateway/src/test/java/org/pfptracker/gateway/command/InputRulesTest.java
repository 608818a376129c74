package org.pfptracker.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.gateway.command.CommandFixtures.EVENT_ID;
import static org.pfptracker.gateway.command.CommandFixtures.RECEIVED_AT;
import static org.pfptracker.gateway.command.CommandFixtures.SOURCE;
import static org.pfptracker.gateway.command.CommandFixtures.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.gateway.http.CommandRoute;
import org.pfptracker.gateway.http.CommandRoutes;

/**
 * The input rules hold for every date, date-time and text field of every command, found by walking the
 * Avro schemas the commands are derived from (not a list of fields): a field added to a schema is checked
 * here without an edit.
 */
class InputRulesTest {

    private static final Map<String, String> PATH = Map.of("partnerId", "georgia", "activityId", "a1",
            "exerciseId", "e1", "programmeId", "p1", "objectiveId", "o1");
    private static final Map<String, String> GEORGIA = Map.of("partnerId", "georgia");
    private static final String RANGE = "must be from 1970-01-01 to 9999-12-31";
    private static final String INSTANT_RANGE = "must be from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z";

    @Test
    void shouldRefuseADateOutsideTheRangeInEveryDateFieldOfEveryCommand() {
        List<String> checked = new ArrayList<>();
        for (String tooEarlyOrLate : List.of("1969-12-31", "0000-01-01", "+99999-12-31", "+999999999-12-31")) {
            checked.addAll(expectEverywhere(Kind.DATE, tooEarlyOrLate, RANGE));
        }
        assertThat(new TreeSet<>(checked)).containsExactly("effectiveOn", "endsOn", "joinedOn", "objectives[0].targetDate",
                "periodEnd", "periodStart", "plannedStart", "startsOn");
    }

    @Test
    void shouldRefuseAnInstantOutsideTheRangeInEveryInstantFieldOfEveryCommand() {
        List<String> checked = new ArrayList<>();
        for (String tooEarly : List.of("1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z")) {
            checked.addAll(expectEverywhere(Kind.INSTANT, tooEarly, INSTANT_RANGE));
        }
        // occurredAt, in each of the thirteen commands
        assertThat(checked).hasSize(3 * CommandRoutes.all(CommandFixtures.directoryWith("georgia")).size())
                .containsOnly("occurredAt");
    }

    @Test
    void shouldRefuseABidirectionalOverrideInEveryTextFieldOfEveryCommand() {
        List<String> checked = expectEverywhere(Kind.TEXT, "Semi\u202Enar", "bidirectional control U+202E");

        assertThat(new TreeSet<>(checked)).containsExactly("activityId", "correlationId", "exerciseId", "feedbackReport",
                "name", "objectives[0].description", "objectives[0].objectiveId", "participantPartnerIds[0]",
                "partnerId", "programmeId", "reason", "summary", "title");
    }

    @Test
    void shouldRefuseTextOfOnlyZeroWidthSpacesAsBlankInEveryTextFieldOfEveryCommand() {
        assertThat(expectEverywhere(Kind.TEXT, "\u200B\u200B\u200B", "must not be blank")).isNotEmpty();
    }

    @Test
    void shouldRefuseAControlCharacterInEveryTextFieldOfEveryCommand() {
        assertThat(expectEverywhere(Kind.TEXT, "Semi\u001B[2Jnar", "U+001B")).isNotEmpty();
    }

    @Test
    void shouldAcceptTheFirstAndLastDaysOfTheRange() {
        ActivityProposed early = (ActivityProposed) new ActivityCommands().propose().toEvent(request(
                "{'title': 'Seminar', 'area': 'DEFENCE_REFORM', 'plannedStart': '1970-01-01', "
                        + "'occurredAt': '1970-01-01T00:00:00Z'}", GEORGIA));
        ActivityProposed late = (ActivityProposed) new ActivityCommands().propose().toEvent(request(
                "{'title': 'Seminar', 'area': 'DEFENCE_REFORM', 'plannedStart': '9999-12-31'}", GEORGIA));

        assertThat(early.getPlannedStart()).isEqualTo(LocalDate.EPOCH);
        assertThat(early.getMetadata().getOccurredAt()).isEqualTo(Instant.EPOCH);
        assertThat(late.getPlannedStart()).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void shouldStoreTextComposedAndTrimmedAndKeepLineBreaksInProseOnly() {
        ActivityProposed proposed = (ActivityProposed) new ActivityCommands().propose().toEvent(request(
                "{'title': '\u00A0Cafe\u0301 seminar\u00A0', 'area': 'DEFENCE_REFORM'}", GEORGIA));
        ActivityCompleted completed = (ActivityCompleted) new ActivityCommands().complete().toEvent(request(
                "{'feedbackReport': 'Went well.\\r\\n\\tMore time next year.\\n'}", Map.of("partnerId", "georgia",
                        "activityId", "a1")));

        assertThat(proposed.getTitle()).isEqualTo("Caf\u00E9 seminar");
        assertThat(completed.getFeedbackReport()).isEqualTo("Went well.\n\tMore time next year.");
        assertThat(Violations.of(new ActivityCommands().propose(), request(
                "{'title': 'Staff\\ncourse', 'area': 'DEFENCE_REFORM'}", GEORGIA)))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("title");
                    assertThat(v.message()).startsWith("must be a single line");
                });
    }

    @Test
    void shouldShowAnInvisibleCharacterOfARefusedValueEscapedNotAsItIs() {
        List<Violation> violations = Violations.of(new ActivityCommands().propose(), request(
                "{'title': 'Seminar', 'area': 'DEFENCE\u202E_REFORM'}", GEORGIA));

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message())
                .contains("'DEFENCE\\u202E_REFORM'").doesNotContain("\u202E"));
    }

    /** What a probe puts in a field. */
    private enum Kind { DATE, INSTANT, TEXT }

    /**
     * Sends the value in each field of this kind of each command, one field at a time, and checks that each is
     * refused, naming that field, with the message.
     *
     * @return the fields checked (as violation paths), one per command and field
     */
    private static List<String> expectEverywhere(Kind kind, String value, String message) {
        List<String> checked = new ArrayList<>();
        for (CommandRoute route : CommandRoutes.all(CommandFixtures.directoryWith("georgia"))) {
            Command command = route.command();
            Set<String> fields = new TreeSet<>(command.fields());
            fields.addAll(CommandBody.COMMON_FIELDS);
            for (String field : fields) {
                for (Probe probe : probes(field, schemaOf(command, field), kind, value)) {
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    body.set(field, probe.json());
                    List<Violation> violations = Violations.of(command,
                            new CommandRequest(PATH, body, EVENT_ID, RECEIVED_AT, SOURCE));
                    assertThat(violations).as("%s %s = %s", command.name(), probe.path(), probe.json())
                            .anySatisfy(v -> {
                                assertThat(v.field()).isEqualTo(probe.path());
                                assertThat(v.message()).contains(message);
                            });
                    checked.add(probe.path());
                }
            }
        }
        return checked;
    }

    /** The field's schema: the event's, or the metadata's for what the gateway puts there (occurredAt...). */
    private static Schema schemaOf(Command command, String field) {
        Schema.Field inEvent = command.eventSchema().getField(field);
        return (inEvent != null ? inEvent : EventMetadata.getClassSchema().getField(field)).schema();
    }

    /** Where in a body a value of this kind can go, for a field of this schema. */
    private static List<Probe> probes(String path, Schema schema, Kind kind, String value) {
        JsonNode text = JsonNodeFactory.instance.textNode(value);
        return switch (schema.getType()) {
            case UNION -> schema.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL)
                    .flatMap(branch -> probes(path, branch, kind, value).stream()).toList();
            case STRING -> kind == Kind.TEXT ? List.of(new Probe(path, text)) : List.of();
            case INT -> kind == Kind.DATE && isLogical(schema, "date") ? List.of(new Probe(path, text)) : List.of();
            case LONG -> kind == Kind.INSTANT && isLogical(schema, "timestamp-millis")
                    ? List.of(new Probe(path, text)) : List.of();
            case ARRAY -> probes(path + "[0]", schema.getElementType(), kind, value).stream()
                    .map(inside -> inside.wrapped(json -> JsonNodeFactory.instance.arrayNode().add(json)))
                    .toList();
            case RECORD -> schema.getFields().stream()
                    .flatMap(field -> probes(path + "." + field.name(), field.schema(), kind, value).stream()
                            .map(inside -> inside.wrapped(json -> JsonNodeFactory.instance.objectNode()
                                    .set(field.name(), json))))
                    .toList();
            default -> List.of();
        };
    }

    private static boolean isLogical(Schema schema, String name) {
        return schema.getLogicalType() != null && schema.getLogicalType().getName().equals(name);
    }

    /**
     * A value placed at a path of the body.
     *
     * @param path the violation path expected, e.g. objectives[0].targetDate
     * @param json what the body's top-level field holds
     */
    private record Probe(String path, JsonNode json) {

        /** The same probe one level down: its value becomes the inside of what {@code wrap} makes. */
        Probe wrapped(Function<JsonNode, JsonNode> wrap) {
            return new Probe(path, wrap.apply(json));
        }
    }
}
