package org.pfptracker.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pfptracker.gateway.command.CommandFixtures.request;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.Objective;
import org.pfptracker.event.PartnerJoined;

/**
 * A command's body fields come from its event's Avro schema: a field added to the schema is accepted and
 * carried into the event without an edit to the command, and anything else is still refused.
 */
class SchemaDerivedFieldsTest {

    private static final Map<String, String> GEORGIA = Map.of("partnerId", "georgia");

    @Test
    void shouldAcceptExactlyTheFieldsOfTheEventSchemaButItsMetadata() {
        // Given
        List<String> schemaFields = ActivityProposed.getClassSchema().getFields().stream().map(Schema.Field::name)
                .filter(name -> !name.equals("metadata")).toList();

        // When
        Command propose = new ActivityCommands().propose();

        // Then
        assertThat(propose.fields()).containsExactlyInAnyOrderElementsOf(schemaFields)
                .containsExactlyInAnyOrder("activityId", "title", "area", "plannedStart");
    }

    @Test
    void shouldLeaveTheFieldsItsPathGivesOutOfTheBody() {
        Command approve = new ActivityCommands().approve();

        assertThat(approve.fromPath()).containsExactly("activityId");
        assertThat(approve.fields()).isEmpty();
        assertThat(Violations.of(approve, request("{'activityId': 'a2'}", Map.of("partnerId", "georgia",
                "activityId", "a1")))).singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("activityId");
                    assertThat(violation.message()).contains("is not a field of this command");
                });
        assertThat(EventFields.of(ActivityApproved.class)).containsExactly("activityId");
    }

    @Test
    void shouldAcceptTheIdOfAJoiningPartnerBesidesThePartnerJoinedFields() {
        Command join = new PartnerCommands(CommandFixtures.directoryWith()).join();

        assertThat(join.fields()).containsExactlyInAnyOrderElementsOf(
                concat(EventFields.of(PartnerJoined.class), "partnerId"));
    }

    @Test
    void shouldTakeTheFieldsOfAProgrammesObjectivesFromTheObjectiveSchema() {
        assertThat(ProgrammeCommands.objectiveFields()).containsExactlyInAnyOrderElementsOf(
                Objective.getClassSchema().getFields().stream().map(Schema.Field::name).toList());
    }

    @Test
    void shouldCarryAFieldOfTheSchemaThatItsMapperDoesNotRead() {
        // Given: a mapper written before 'plannedStart' existed (as if the schema gained it since)
        Command propose = Command.of("ProposeActivity", ActivityProposed.class, SchemaDerivedFieldsTest::titleAndAreaOnly);

        // When
        ActivityProposed event = (ActivityProposed) propose.toEvent(request(
                "{'title': 'Seminar', 'area': 'DEFENCE_REFORM', 'plannedStart': '2024-09-02'}", GEORGIA));

        // Then: read by its Avro type (a date) and carried, not dropped
        assertThat(event.getPlannedStart()).isEqualTo(LocalDate.of(2024, 9, 2));
        assertThat(event.getTitle()).isEqualTo("Seminar");
    }

    @Test
    void shouldLeaveAnAbsentSchemaFieldToTheSchemasDefault() {
        Command propose = Command.of("ProposeActivity", ActivityProposed.class, SchemaDerivedFieldsTest::titleAndAreaOnly);

        ActivityProposed event = (ActivityProposed) propose.toEvent(request("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}",
                GEORGIA));

        assertThat(event.getPlannedStart()).isNull();
    }

    @Test
    void shouldNameAFieldItsMapperDoesNotReadWhenItsValueDoesNotFitTheSchema() {
        Command propose = Command.of("ProposeActivity", ActivityProposed.class, SchemaDerivedFieldsTest::titleAndAreaOnly);

        List<Violation> violations = Violations.of(propose, request(
                "{'title': 'Seminar', 'area': 'DEFENCE_REFORM', 'plannedStart': 'next spring', 'activityId': 7}", GEORGIA));

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("plannedStart", "activityId");
        assertThat(violations).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("YYYY-MM-DD"))
                .anySatisfy(m -> assertThat(m).contains("must be a string"));
    }

    @Test
    void shouldHoldAFieldItsMapperDoesNotReadToTheRulesForEveryDateAndText() {
        // Given: a mapper that leaves plannedStart (a date) and activityId (a string) to the schema
        Command propose = Command.of("ProposeActivity", ActivityProposed.class, SchemaDerivedFieldsTest::titleAndAreaOnly);

        // When
        List<Violation> violations = Violations.of(propose, request("{'title': 'Seminar', 'area': 'DEFENCE_REFORM', "
                + "'plannedStart': '+999999999-12-31', 'activityId': 'pcm\u202E710-2'}", GEORGIA));

        // Then: the same range and text rules as the fields a mapper reads
        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("plannedStart", "activityId");
        assertThat(violations).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).contains("must be from 1970-01-01 to 9999-12-31"))
                .anySatisfy(m -> assertThat(m).contains("bidirectional control U+202E"));
    }

    @Test
    void shouldStillRefuseAFieldThatNoSchemaHasAndNameIt() {
        List<Violation> violations = Violations.of(new ActivityCommands().propose(),
                request("{'title': 'Seminar', 'area': 'DEFENCE_REFORM', 'budgetEuros': 1000}", GEORGIA));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("budgetEuros");
            assertThat(violation.message()).contains("is not a field of this command",
                    "activityId", "area", "plannedStart", "title", "occurredAt", "correlationId");
        });
    }

    @Test
    void shouldRefuseToTakeFromThePathAFieldTheEventDoesNotHave() {
        assertThatThrownBy(() -> Command.of("ApproveActivity", ActivityApproved.class, (request, body) -> () -> null)
                .fromPath("exerciseId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exerciseId is not a field of ActivityApproved");
    }

    /** Reads only title and area; the activity id is generated. */
    private static Supplier<ActivityProposed> titleAndAreaOnly(CommandRequest request, CommandBody body) {
        String title = body.requiredText("title", 200);
        AreaOfCooperation area = body.requiredEnum("area", AreaOfCooperation.class);
        return () -> ActivityProposed.newBuilder()
                .setMetadata(body.metadata(request.pathParam("partnerId")))
                .setActivityId(request.generatedId("activity"))
                .setTitle(title)
                .setArea(area)
                .build();
    }

    private static List<String> concat(List<String> names, String more) {
        return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
