package org.pfptracker.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.gateway.command.CommandFixtures.EVENT_ID;
import static org.pfptracker.gateway.command.CommandFixtures.RECEIVED_AT;
import static org.pfptracker.gateway.command.CommandFixtures.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;

class ActivityCommandsTest {

    private static final Map<String, String> GEORGIA = Map.of("partnerId", "georgia");
    private static final Map<String, String> GEORGIA_A1 = Map.of("partnerId", "georgia", "activityId", "a1");

    private final ActivityCommands activities = new ActivityCommands();

    @Test
    void shouldMapAProposalWithEveryFieldToActivityProposed() {
        // Given
        CommandRequest request = request("{'activityId': 'pcm-2024-017', 'title': '  Staff course  ', "
                + "'area': 'EDUCATION_AND_TRAINING', 'plannedStart': '2024-09-02', "
                + "'occurredAt': '2024-05-01T10:00:00.123456+02:00', 'correlationId': 'c-42'}", GEORGIA);

        // When
        ActivityProposed event = (ActivityProposed) activities.propose().toEvent(request);

        // Then
        assertThat(event.getActivityId()).isEqualTo("pcm-2024-017");
        assertThat(event.getTitle()).isEqualTo("Staff course");
        assertThat(event.getArea()).isEqualTo(AreaOfCooperation.EDUCATION_AND_TRAINING);
        assertThat(event.getPlannedStart()).isEqualTo(LocalDate.of(2024, 9, 2));
        assertThat(event.getMetadata().getEventId()).isEqualTo(EVENT_ID);
        assertThat(event.getMetadata().getPartnerId()).isEqualTo("georgia");
        assertThat(event.getMetadata().getSource()).isEqualTo("gateway");
        assertThat(event.getMetadata().getCorrelationId()).isEqualTo("c-42");
        // Avro keeps milliseconds: the gateway truncates rather than let the serializer do it silently.
        assertThat(event.getMetadata().getOccurredAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00.123Z"));
    }

    @Test
    void shouldDefaultOccurredAtToTheTimeReceivedAndGenerateAStableActivityId() {
        // Given
        CommandRequest request = request("{'title': 'Seminar', 'area': 'DEFENCE_REFORM'}", GEORGIA);

        // When
        ActivityProposed first = (ActivityProposed) activities.propose().toEvent(request);
        ActivityProposed again = (ActivityProposed) activities.propose().toEvent(request);

        // Then
        assertThat(first.getMetadata().getOccurredAt()).isEqualTo(RECEIVED_AT.truncatedTo(ChronoUnit.MILLIS));
        assertThat(first.getMetadata().getCorrelationId()).isNull();
        assertThat(first.getPlannedStart()).isNull();
        assertThat(first.getActivityId()).isNotBlank().isEqualTo(again.getActivityId());
    }

    @Test
    void shouldNameAnUnknownAreaAndListTheAllowedOnes() {
        List<Violation> violations = Violations.of(activities.propose(),
                request("{'title': 'Seminar', 'area': 'DEFENSE_REFORM'}", GEORGIA));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("area");
            assertThat(violation.message()).contains("'DEFENSE_REFORM'", "DEFENCE_REFORM", "DISASTER_RESPONSE")
                    .doesNotContain("UNKNOWN");
        });
    }

    @Test
    void shouldRefuseTheUnknownSymbolWhichIsForOldReadersOnly() {
        assertThat(Violations.of(activities.propose(), request("{'title': 'Seminar', 'area': 'UNKNOWN'}", GEORGIA)))
                .extracting(Violation::field).containsExactly("area");
    }

    @Test
    void shouldReportEveryBadFieldAtOnce() {
        List<Violation> violations = Violations.of(activities.propose(), request(
                "{'activityId': 'has space', 'title': '   ', 'plannedStart': '2024-02-30', 'colour': 'red', "
                        + "'occurredAt': 'yesterday', 'correlationId': 7}", GEORGIA));

        assertThat(violations).extracting(Violation::field)
                .containsExactlyInAnyOrder("colour", "occurredAt", "correlationId", "activityId", "title", "area",
                        "plannedStart");
        assertThat(violations).filteredOn(v -> v.field().equals("colour")).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("not a field", "title", "plannedStart"));
        assertThat(violations).filteredOn(v -> v.field().equals("title")).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("must not be blank"));
        assertThat(violations).filteredOn(v -> v.field().equals("area")).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("is required"));
    }

    @Test
    void shouldRefuseAnOccurredAtInTheFutureBeyondClockSkew() {
        Instant tooLate = RECEIVED_AT.plus(CommandBody.MAX_CLOCK_SKEW).plusSeconds(1);

        assertThat(Violations.of(activities.propose(), request(
                "{'title': 'Seminar', 'area': 'DEFENCE_REFORM', 'occurredAt': '" + tooLate + "'}", GEORGIA)))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("occurredAt");
                    assertThat(v.message()).contains("future");
                });
    }

    @Test
    void shouldRefuseATitleLongerThanTheLimit() {
        String title = "x".repeat(ActivityCommands.MAX_TITLE_LENGTH + 1);

        assertThat(Violations.of(activities.propose(), request(
                "{'title': '" + title + "', 'area': 'DEFENCE_REFORM'}", GEORGIA)))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("at most 200"));
    }

    @Test
    void shouldMapAnApprovalWithAnEmptyBodyToActivityApprovedOfThePathsActivity() {
        ActivityApproved event = (ActivityApproved) activities.approve().toEvent(request("{}", GEORGIA_A1));

        assertThat(event.getActivityId()).isEqualTo("a1");
        assertThat(event.getMetadata().getPartnerId()).isEqualTo("georgia");
    }

    @Test
    void shouldRequireAFeedbackReportToCompleteAnActivity() {
        assertThat(Violations.of(activities.complete(), request("{}", GEORGIA_A1)))
                .extracting(Violation::field).containsExactly("feedbackReport");

        ActivityCompleted event = (ActivityCompleted) activities.complete()
                .toEvent(request("{'feedbackReport': 'Went well'}", GEORGIA_A1));
        assertThat(event.getFeedbackReport()).isEqualTo("Went well");
        assertThat(event.getActivityId()).isEqualTo("a1");
    }

    @Test
    void shouldRequireAReasonToCancelAnActivity() {
        assertThat(Violations.of(activities.cancel(), request("{'reason': null}", GEORGIA_A1)))
                .extracting(Violation::field).containsExactly("reason");

        ActivityCancelled event = (ActivityCancelled) activities.cancel()
                .toEvent(request("{'reason': 'Venue unavailable'}", GEORGIA_A1));
        assertThat(event.getReason()).isEqualTo("Venue unavailable");
    }
}
