package org.pfptracker.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.event.AreaOfCooperation.CIVIL_EMERGENCY_PLANNING;
import static org.pfptracker.event.AreaOfCooperation.DEFENCE_REFORM;
import static org.pfptracker.event.AreaOfCooperation.EDUCATION_AND_TRAINING;
import static org.pfptracker.testsupport.event.TestEvents.achieved;
import static org.pfptracker.testsupport.event.TestEvents.approved;
import static org.pfptracker.testsupport.event.TestEvents.cancelled;
import static org.pfptracker.testsupport.event.TestEvents.completed;
import static org.pfptracker.testsupport.event.TestEvents.exerciseCancelled;
import static org.pfptracker.testsupport.event.TestEvents.exerciseConducted;
import static org.pfptracker.testsupport.event.TestEvents.exerciseScheduled;
import static org.pfptracker.testsupport.event.TestEvents.joined;
import static org.pfptracker.testsupport.event.TestEvents.objective;
import static org.pfptracker.testsupport.event.TestEvents.priorities;
import static org.pfptracker.testsupport.event.TestEvents.programme;
import static org.pfptracker.testsupport.event.TestEvents.proposed;
import static org.pfptracker.testsupport.event.TestEvents.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AssessmentRating;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.testsupport.event.TestEvents;
import org.pfptracker.tracker.support.TrackerDriver;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.ProgrammeView;

class PartnerViewTopologyTest {

    private static final Instant T0 = Instant.parse("2024-01-10T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
    private static final java.time.LocalDateTime LONG_AGO = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

    private final TrackerDriver tracker = new TrackerDriver();

    /**
     * A partner has a view once it has joined: these partners joined long before the events of the tests
     * (each join is one event applied to its view).
     */
    @BeforeEach
    void joinThePartnersOfTheseTests() {
        for (String partner : new String[] {"georgia", "armenia", "republic-of-moldova", "azerbaijan", "malta",
                "austria", "finland", "ireland"}) {
            tracker.publish(joined(partner, partner, LONG_AGO.toLocalDate(), LONG_AGO.toInstant(ZoneOffset.UTC)));
        }
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    @Test
    void shouldBuildTheProfileWithStatusPrioritiesAndPace() {
        // When
        tracker.publish(joined("ukraine", "Ukraine", LocalDate.of(1994, 2, 8), T0),
                priorities("ukraine", 12, T0.plusSeconds(10), DEFENCE_REFORM, EDUCATION_AND_TRAINING));

        // Then
        PartnerView view = tracker.view("ukraine", TODAY);
        assertThat(view.profile().name()).isEqualTo("Ukraine");
        assertThat(view.profile().framework()).isEqualTo("EURO_ATLANTIC_PARTNERSHIP");
        assertThat(view.profile().joinedOn()).isEqualTo(LocalDate.of(1994, 2, 8));
        assertThat(view.profile().status()).isEqualTo("ACTIVE");
        assertThat(view.profile().statusSince()).isEqualTo(LocalDate.of(1994, 2, 8));
        assertThat(view.profile().priorities()).containsExactly("DEFENCE_REFORM", "EDUCATION_AND_TRAINING");
        assertThat(view.profile().targetCompletedActivitiesPerYear()).isEqualTo(12);
        assertThat(view.freshness().eventsApplied()).isEqualTo(2);
        assertThat(view.freshness().lastEventAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void shouldTakeTheLatestStatusByEventTimeWhateverTheArrivalOrder() {
        // Given: Sweden's accession arrives before an older suspension report
        tracker.publish(joined("sweden", "Sweden", LocalDate.of(1994, 5, 9), T0),
                status("sweden", PartnerStatus.BECAME_ALLY, LocalDate.of(2024, 3, 7), Instant.parse("2024-03-07T00:00:00Z")),
                status("sweden", PartnerStatus.SUSPENDED, LocalDate.of(2010, 1, 1), Instant.parse("2010-01-01T00:00:00Z")));

        // Then
        PartnerView view = tracker.view("sweden", TODAY);
        assertThat(view.profile().status()).isEqualTo("BECAME_ALLY");
        assertThat(view.profile().statusSince()).isEqualTo(LocalDate.of(2024, 3, 7));
    }

    @Test
    void shouldCountActivitiesOnceEachInTheirLatestStateOverallAndByArea() {
        // When
        tracker.publish(
                proposed("georgia", "a1", DEFENCE_REFORM, T0), approved("georgia", "a1", T0.plusSeconds(60)),
                completed("georgia", "a1", T0.plusSeconds(120)),
                proposed("georgia", "a2", DEFENCE_REFORM, T0), approved("georgia", "a2", T0.plusSeconds(60)),
                proposed("georgia", "a3", CIVIL_EMERGENCY_PLANNING, T0), cancelled("georgia", "a3", T0.plusSeconds(60)),
                proposed("georgia", "a4", CIVIL_EMERGENCY_PLANNING, T0));

        // Then
        PartnerView view = tracker.view("georgia", TODAY);
        assertThat(view.activities().total()).isEqualTo(4);
        assertThat(view.activities().byState()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "COMPLETED", 1, "APPROVED", 1, "CANCELLED", 1, "PROPOSED", 1));
        assertThat(view.activities().byArea()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DEFENCE_REFORM", Map.of("COMPLETED", 1, "APPROVED", 1),
                "CIVIL_EMERGENCY_PLANNING", Map.of("CANCELLED", 1, "PROPOSED", 1)));
    }

    @Test
    void shouldCountARedeliveredEventOnce() {
        // Given
        ActivityProposed proposal = proposed("armenia", "a1", DEFENCE_REFORM, T0);
        tracker.publish(proposal);

        // When: the at-least-once upstream delivers it again
        tracker.publish(proposal);

        // Then
        PartnerView view = tracker.view("armenia", TODAY);
        assertThat(view.activities().byState()).containsExactly(Map.entry("PROPOSED", 1));
        assertThat(view.freshness().eventsApplied()).as("the join and the proposal").isEqualTo(2);
        assertThat(view.pace().quarterly()).singleElement().extracting(q -> q.proposed()).isEqualTo(1);
    }

    @Test
    void shouldGiveTheSameViewWhenACompletionArrivesBeforeItsProposal() {
        // Given
        Instant proposedAt = Instant.parse("2024-01-02T00:00:00Z");
        Instant completedAt = Instant.parse("2024-03-01T00:00:00Z");

        // When: completion first, proposal second
        tracker.publish(completed("malta", "a1", completedAt));
        assertThat(tracker.view("malta", TODAY).activities().byArea())
                .containsExactly(Map.entry("UNKNOWN", Map.of("COMPLETED", 1)));
        tracker.publish(proposed("malta", "a1", DEFENCE_REFORM, proposedAt));

        // Then: exactly what the natural order gives
        PartnerView view = tracker.view("malta", TODAY);
        assertThat(view.activities().byArea()).containsExactly(Map.entry("DEFENCE_REFORM", Map.of("COMPLETED", 1)));
        assertThat(view.pace().medianLeadTimeDays()).isEqualTo(59.0);
        assertThat(view.pace().quarterly()).extracting(q -> q.quarter() + ":" + q.proposed() + "/" + q.completed())
                .containsExactly("2024-Q1:1/1");
    }

    @Test
    void shouldCountACompletionDatedBeforeItsProposalWithoutANegativeLeadTime() {
        // Given: a completion whose event time is years before the proposal's (a data-entry error upstream)
        tracker.publish(proposed("malta", "a2", DEFENCE_REFORM, Instant.parse("2024-01-02T00:00:00Z")),
                completed("malta", "a2", Instant.parse("2019-01-02T00:00:00Z")));

        // Then: the activity is completed, and no lead time is made up from it
        PartnerView view = tracker.view("malta", TODAY);
        assertThat(view.activities().byState()).containsExactly(Map.entry("COMPLETED", 1));
        assertThat(view.pace().medianLeadTimeDays()).isNull();
    }

    @Test
    void shouldKeepTheLaterProfileWhateverTheArrivalOrder() {
        tracker.publish(joined("serbia", "Serbia (corrected)", LocalDate.of(2006, 12, 14), T0.plusSeconds(3600)),
                joined("serbia", "Serbia", LocalDate.of(2006, 12, 14), T0));

        assertThat(tracker.view("serbia", TODAY).profile().name()).isEqualTo("Serbia (corrected)");
    }

    @Test
    void shouldCountAnExerciseForItsHostAndEveryParticipant() {
        // When: Georgia hosts an exercise with Armenia and Moldova
        tracker.publish(exerciseScheduled("georgia", "ex1", LocalDate.of(2024, 9, 1), T0,
                "georgia", "armenia", "republic-of-moldova"));

        // Then
        for (String partner : new String[] {"georgia", "armenia", "republic-of-moldova"}) {
            PartnerView view = tracker.view(partner, TODAY);
            assertThat(view.exercises().scheduled()).as(partner).isEqualTo(1);
            assertThat(view.exercises().next().exerciseId()).as(partner).isEqualTo("ex1");
            assertThat(view.freshness().eventsApplied()).as(partner + ": its join and the schedule").isEqualTo(2);
        }
        assertThat(tracker.view("georgia", TODAY).exercises().next().role()).isEqualTo("HOST");
        assertThat(tracker.view("armenia", TODAY).exercises().next().role()).isEqualTo("PARTICIPANT");
    }

    @Test
    void shouldListTheTwentySoonestUpcomingAndTwentyLatestPastExercisesButCountThemAll() {
        // Given: 30 exercises ahead of the date, every 10 days, and 30 behind it, one conducted every 40 days
        for (int i = 0; i < 30; i++) {
            tracker.publish(exerciseScheduled("georgia", "up" + i, TODAY.plusDays(10L * i), T0, "georgia"));
            LocalDate began = TODAY.minusDays(40L * (i + 1));
            tracker.publish(exerciseScheduled("georgia", "done" + i, began, T0.minusSeconds(86_400L * 400), "georgia"),
                    exerciseConducted("georgia", "done" + i, began.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                            "georgia"));
        }

        // Then
        var exercises = tracker.view("georgia", TODAY).exercises();
        assertThat(exercises.scheduled()).isEqualTo(30);
        assertThat(exercises.conducted()).isEqualTo(30);
        assertThat(exercises.next().exerciseId()).isEqualTo("up0");
        assertThat(exercises.upcoming()).hasSize(20).extracting(e -> e.exerciseId())
                .startsWith("up0", "up1", "up2").endsWith("up19");
        assertThat(exercises.past()).hasSize(20).extracting(e -> e.exerciseId())
                .startsWith("done0", "done1").endsWith("done19");
    }

    @Test
    void shouldTellApartTwoHostsExercisesOfTheSameId() {
        // When: Georgia and Armenia each schedule an "ex1" with Moldova
        tracker.publish(exerciseScheduled("georgia", "ex1", LocalDate.of(2024, 9, 1), T0, "republic-of-moldova"),
                exerciseScheduled("armenia", "ex1", LocalDate.of(2024, 10, 1), T0, "republic-of-moldova"));

        // Then: Moldova takes part in two exercises, each with its own host
        var exercises = tracker.view("republic-of-moldova", TODAY).exercises();
        assertThat(exercises.scheduled()).isEqualTo(2);
        assertThat(exercises.upcoming()).extracting(e -> e.hostPartnerId() + "/" + e.exerciseId())
                .containsExactly("georgia/ex1", "armenia/ex1");
    }

    @Test
    void shouldDropAnExerciseFromAPartnerThatDidNotTakePartInTheEnd() {
        // Given
        tracker.publish(exerciseScheduled("georgia", "ex1", LocalDate.of(2024, 3, 1), T0, "georgia", "armenia", "azerbaijan"));

        // When: conducted without Azerbaijan
        tracker.publish(exerciseConducted("georgia", "ex1", T0.plusSeconds(86_400 * 60), "georgia", "armenia"));

        // Then
        assertThat(tracker.view("armenia", TODAY).exercises().conducted()).isEqualTo(1);
        assertThat(tracker.view("azerbaijan", TODAY).exercises().past()).isEmpty();
        assertThat(tracker.view("azerbaijan", TODAY).exercises().conducted()).isZero();
    }

    @Test
    void shouldCancelAnExerciseForEveryParticipantEvenWhenTheCancellationArrivesFirst() {
        tracker.publish(exerciseCancelled("georgia", "ex1", T0.plusSeconds(60)),
                exerciseScheduled("georgia", "ex1", LocalDate.of(2024, 9, 1), T0, "georgia", "armenia"));

        assertThat(tracker.view("armenia", TODAY).exercises().cancelled()).isEqualTo(1);
        assertThat(tracker.view("armenia", TODAY).exercises().next()).isNull();
        assertThat(tracker.view("georgia", TODAY).freshness().eventsApplied()).as("join, schedule, cancellation")
                .isEqualTo(3);
        assertThat(tracker.view("armenia", TODAY).freshness().eventsApplied()).isEqualTo(3);
    }

    @Test
    void shouldShowObjectivesAchievedOpenAndOverdueAsOfTheQueryDate() {
        // Given: a programme for 2024-2025 with three objectives; one achieved before the agreement arrived
        tracker.publish(achieved("finland", "p1", "o1", Instant.parse("2024-04-01T00:00:00Z")),
                programme("finland", "p1", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), T0,
                        objective("o1", LocalDate.of(2024, 6, 1)), objective("o2", LocalDate.of(2024, 6, 1)),
                        objective("o3", LocalDate.of(2025, 6, 1))),
                TestEvents.assessed("finland", "p1", AssessmentRating.PARTLY_ON_TRACK, Instant.parse("2024-05-01T00:00:00Z")));

        // Then: as of 2024-06-30, o2 is overdue
        ProgrammeView programme = tracker.view("finland", TODAY).programmes().get(0);
        assertThat(programme.objectivesAgreed()).isEqualTo(3);
        assertThat(programme.achieved()).isEqualTo(1);
        assertThat(programme.overdue()).isEqualTo(1);
        assertThat(programme.percentAchieved()).isEqualTo(33.3);
        assertThat(programme.lastAssessment().rating()).isEqualTo("PARTLY_ON_TRACK");

        // and as of 2024-03-01 nothing is achieved or overdue yet
        ProgrammeView earlier = tracker.view("finland", LocalDate.of(2024, 3, 1)).programmes().get(0);
        assertThat(earlier.achieved()).isZero();
        assertThat(earlier.overdue()).isZero();
    }

    @Test
    void shouldMeasurePaceOnCompletionsInTheTrailingTwelveMonths() {
        // Given: a pace of 4 a year; 4 completions within the last 12 months, 1 older
        tracker.publish(priorities("austria", 4, T0, DEFENCE_REFORM));
        String[] dates = {"2023-06-01", "2023-08-01", "2023-12-01", "2024-02-01", "2024-05-01"};
        for (int i = 0; i < dates.length; i++) {
            Instant at = LocalDate.parse(dates[i]).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            tracker.publish(proposed("austria", "a" + i, DEFENCE_REFORM, at.minusSeconds(86_400 * 10)),
                    completed("austria", "a" + i, at));
        }

        // Then
        PartnerView view = tracker.view("austria", TODAY);
        assertThat(view.pace().completedLast12Months()).isEqualTo(4);
        assertThat(view.pace().ratio()).isEqualTo(1.0);
        assertThat(view.pace().status()).isEqualTo("ON_PACE");
        assertThat(view.pace().lastCompletedOn()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(view.pace().medianLeadTimeDays()).isEqualTo(10.0);
        assertThat(view.activities().completedInPriorityAreasShare()).isEqualTo(1.0);
        // a year later nothing has been completed for over 180 days
        assertThat(tracker.view("austria", LocalDate.of(2025, 6, 30)).pace().status()).isEqualTo("STALLED");
    }

    @Test
    void shouldSendAPoisonRecordToTheDeadLetterTopicAndKeepGoing() {
        // Given
        byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);

        // When
        tracker.publishRaw(Topics.ACTIVITIES, "austria", poison);
        tracker.publish(proposed("austria", "a1", DEFENCE_REFORM, T0));

        // Then
        TestRecord<byte[], byte[]> letter = tracker.deadLetters().readRecord();
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(header(letter.headers(), DeadLetters.HEADER_TOPIC)).isEqualTo(Topics.ACTIVITIES);
        assertThat(header(letter.headers(), DeadLetters.HEADER_OFFSET)).isEqualTo("0");
        assertThat(header(letter.headers(), DeadLetters.HEADER_STAGE)).isEqualTo("deserialization");
        assertThat(header(letter.headers(), DeadLetters.HEADER_MESSAGE)).isNotBlank();
        assertThat(tracker.deadLetters().isEmpty()).isTrue();
        assertThat(tracker.view("austria", TODAY).activities().total()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAnEventKeyedUnderAnotherPartner() {
        // When: an event about Sweden published under Finland's key
        tracker.publishAs("finland", proposed("sweden", "a1", DEFENCE_REFORM, T0));

        // Then
        TestRecord<byte[], byte[]> letter = tracker.deadLetters().readRecord();
        assertThat(header(letter.headers(), DeadLetters.HEADER_STAGE)).isEqualTo("processing");
        assertThat(header(letter.headers(), DeadLetters.HEADER_MESSAGE))
                .contains("keyed 'finland'").contains("partner 'sweden'");
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("finland");
        assertThat(tracker.view("finland", TODAY).freshness().eventsApplied()).as("its join only").isEqualTo(1);
        assertThat(tracker.hasFacts("sweden")).isFalse();
    }

    @Test
    void shouldDeadLetterAnEventWhosePartnerIdCouldReadAnotherPartnersEntries() {
        // When: an event about "finland/x", whose id would prefix-match Finland's store keys
        tracker.publishAs("finland/x", proposed("finland/x", "a1", DEFENCE_REFORM, T0));

        // Then
        TestRecord<byte[], byte[]> letter = tracker.deadLetters().readRecord();
        assertThat(header(letter.headers(), DeadLetters.HEADER_MESSAGE)).contains("is not a partner id");
        assertThat(tracker.view("finland", TODAY).freshness().eventsApplied()).as("its join only").isEqualTo(1);
        assertThat(tracker.hasFacts("finland/x")).isFalse();
    }

    @Test
    void shouldDeadLetterAnEventOnATopicThatDoesNotCarryItsType() {
        // When: a join published to the activities topic
        tracker.publishTo(Topics.ACTIVITIES, "estonia", joined("estonia", "Estonia", LocalDate.of(1994, 2, 3), T0));

        // Then
        TestRecord<byte[], byte[]> letter = tracker.deadLetters().readRecord();
        assertThat(header(letter.headers(), DeadLetters.HEADER_MESSAGE))
                .contains("PartnerJoined").contains("arrived on " + Topics.ACTIVITIES).contains(Topics.PARTNERS);
        assertThat(tracker.hasFacts("estonia")).isFalse();
    }

    @Test
    void shouldKeepTheFactsOfAPartnerNamedInAnExerciseButShowItOnlyOnceItJoined() {
        // Given: an exercise naming Kosovo, which has not joined
        tracker.publish(exerciseScheduled("georgia", "ex1", LocalDate.of(2024, 9, 1), T0, "georgia", "kosovo"));

        // Then: no view for it (404, not listed)
        assertThat(tracker.view("kosovo", TODAY)).isNull();
        assertThat(tracker.summary("kosovo", TODAY)).isNull();

        // When: it joins
        tracker.publish(joined("kosovo", "Kosovo", LocalDate.of(2024, 6, 1), Instant.parse("2024-06-01T00:00:00Z")));

        // Then: its view has the exercise it was named in before
        assertThat(tracker.view("kosovo", TODAY).exercises().scheduled()).isEqualTo(1);
    }

    @Test
    void shouldVoidACancellationReportedAfterTheCompletion() {
        // When: completed in January, then (wrongly) cancelled in April
        tracker.publish(proposed("georgia", "a1", DEFENCE_REFORM, T0), completed("georgia", "a1", T0.plusSeconds(86_400)),
                cancelled("georgia", "a1", Instant.parse("2024-04-02T00:00:00Z")));

        // Then: it took place; no quarter counts a cancellation
        PartnerView view = tracker.view("georgia", TODAY);
        assertThat(view.activities().byState()).containsExactly(Map.entry("COMPLETED", 1));
        assertThat(view.pace().quarterly()).extracting(q -> q.quarter() + ":" + q.cancelled())
                .containsExactly("2024-Q1:0");
    }

    @Test
    void shouldCountACancellationThenLetALaterCompletionTakeOver() {
        // When: cancelled in January, completed after all in April
        tracker.publish(proposed("georgia", "a1", DEFENCE_REFORM, T0), cancelled("georgia", "a1", T0.plusSeconds(86_400)),
                completed("georgia", "a1", Instant.parse("2024-04-02T00:00:00Z")));

        // Then: cancelled as of March, completed as of June; the cancellation stays in its quarter's flow
        assertThat(tracker.view("georgia", LocalDate.of(2024, 3, 31)).activities().byState())
                .containsExactly(Map.entry("CANCELLED", 1));
        PartnerView june = tracker.view("georgia", TODAY);
        assertThat(june.activities().byState()).containsExactly(Map.entry("COMPLETED", 1));
        assertThat(june.pace().quarterly()).extracting(q -> q.quarter() + ":" + q.completed() + "/" + q.cancelled())
                .containsExactly("2024-Q1:0/1", "2024-Q2:1/0");
    }

    @Test
    void shouldBreakATieInEventTimeByEventIdWhateverTheArrivalOrder() {
        // Given: two priority choices stamped with the same instant
        java.util.UUID low = java.util.UUID.fromString("00000000-0000-0000-0000-000000000001");
        java.util.UUID high = java.util.UUID.fromString("ffffffff-0000-0000-0000-000000000001");
        var first = org.pfptracker.event.PrioritiesChosen.newBuilder(priorities("georgia", 3, T0, DEFENCE_REFORM))
                .setMetadata(TestEvents.metadata("georgia", T0, high)).build();
        var second = org.pfptracker.event.PrioritiesChosen.newBuilder(priorities("georgia", 7, T0, DEFENCE_REFORM))
                .setMetadata(TestEvents.metadata("georgia", T0, low)).build();

        // When: the lower id arrives last
        tracker.publish(first, second);

        // Then: the higher event id wins the tie
        assertThat(tracker.view("georgia", TODAY).profile().targetCompletedActivitiesPerYear()).isEqualTo(3);
    }

    @Test
    void shouldCountAnEventRedeliveredAfterAnyDelayOnce() {
        // Given
        ActivityProposed proposal = proposed("armenia", "a1", DEFENCE_REFORM, T0);
        tracker.publish(proposal);

        // When: delivered again a year later (processing time): ids are kept with the facts, not for a while
        tracker.advanceWallClock(java.time.Duration.ofDays(365));
        tracker.publish(proposal);

        // Then
        assertThat(tracker.view("armenia", TODAY).freshness().eventsApplied()).as("the join and the proposal").isEqualTo(2);
        assertThat(tracker.counters().duplicatesDropped()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAProgrammeWhoseObjectiveFallsOutsideItsPeriod() {
        tracker.publish(programme("ireland", "p1", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), T0,
                objective("o1", LocalDate.of(2026, 6, 1))));

        TestRecord<byte[], byte[]> letter = tracker.deadLetters().readRecord();
        assertThat(header(letter.headers(), DeadLetters.HEADER_MESSAGE))
                .contains("objective o1").contains("outside the period");
        assertThat(tracker.view("ireland", TODAY).programmes()).isEmpty();
        assertThat(tracker.view("ireland", TODAY).freshness().eventsApplied()).as("its join only").isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAnExerciseWithNoParticipants() {
        tracker.publish(exerciseScheduled("georgia", "ex1", LocalDate.of(2024, 9, 1), T0));

        assertThat(header(tracker.deadLetters().readRecord().headers(), DeadLetters.HEADER_MESSAGE))
                .contains("no participants");
    }

    private static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
