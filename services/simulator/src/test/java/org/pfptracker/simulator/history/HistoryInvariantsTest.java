package org.pfptracker.simulator.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.simulator.history.Histories.TWELVE_YEARS;
import static org.pfptracker.simulator.history.Histories.at;
import static org.pfptracker.simulator.history.Histories.only;
import static org.pfptracker.simulator.history.Histories.partner;
import static org.pfptracker.simulator.history.Histories.startOf;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.event.Objective;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeAssessed;
import org.pfptracker.event.ProgrammeType;
import org.pfptracker.platform.reference.ReferencePartner;
import org.pfptracker.platform.reference.ReferencePartners;
import org.pfptracker.platform.reference.ReferenceStatusChange;
import org.pfptracker.simulator.SimulationPlan;

/** What must hold in any simulated history, checked on the twelve years the local stack shows. */
class HistoryInvariantsTest {

    private static List<SpecificRecord> history;

    @BeforeAll
    static void generate() {
        history = Histories.generate(TWELVE_YEARS);
    }

    @Test
    void shouldTellTheHistoryInNonDecreasingEventTimeOrder() {
        assertThat(history.stream().map(Histories::at).toList()).isSorted();
    }

    @Test
    void shouldStopAtThePlansEnd() {
        assertThat(at(history.get(history.size() - 1))).isBefore(TWELVE_YEARS.to());
    }

    @Test
    void shouldApproveCompleteOrCancelOnlyActivitiesTheSamePartnerProposedEarlier() {
        Map<String, ActivityProposed> proposed = new HashMap<>();
        Set<String> approved = new HashSet<>();
        Set<String> closed = new HashSet<>();
        for (SpecificRecord event : history) {
            if (event instanceof ActivityProposed proposal) {
                assertThat(proposed.put(proposal.getActivityId(), proposal)).as("proposed twice").isNull();
            } else if (event instanceof ActivityApproved approval) {
                assertProposedEarlierBySamePartner(proposed, approval.getActivityId(), event);
                assertThat(closed).doesNotContain(approval.getActivityId());
                assertThat(approved.add(approval.getActivityId())).as("approved twice").isTrue();
            } else if (event instanceof ActivityCompleted completion) {
                assertProposedEarlierBySamePartner(proposed, completion.getActivityId(), event);
                assertThat(approved).as("completed without approval").contains(completion.getActivityId());
                assertThat(closed.add(completion.getActivityId())).as("closed twice").isTrue();
                assertThat(completion.getFeedbackReport()).isNotBlank();
            } else if (event instanceof ActivityCancelled cancellation) {
                assertProposedEarlierBySamePartner(proposed, cancellation.getActivityId(), event);
                assertThat(closed.add(cancellation.getActivityId())).as("closed twice").isTrue();
                assertThat(cancellation.getReason()).isNotBlank();
            }
        }
        assertThat(closed).hasSizeGreaterThan(proposed.size() * 9 / 10);
    }

    private static void assertProposedEarlierBySamePartner(Map<String, ActivityProposed> proposed, String activityId,
                                                           SpecificRecord event) {
        ActivityProposed proposal = proposed.get(activityId);
        assertThat(proposal).as("proposal of %s", activityId).isNotNull();
        assertThat(partner(proposal)).isEqualTo(partner(event));
        assertThat(at(event)).isAfter(at(proposal));
    }

    @Test
    void shouldAchieveOnlyObjectivesOfProgrammesAgreedEarlierAndDueWithinTheirPeriod() {
        Map<String, ProgrammeAgreed> agreed = new HashMap<>();
        Set<String> achieved = new HashSet<>();
        for (SpecificRecord event : history) {
            if (event instanceof ProgrammeAgreed programme) {
                assertThat(agreed.put(programme.getProgrammeId(), programme)).as("agreed twice").isNull();
                assertThat(programme.getObjectives()).isNotEmpty().allSatisfy(objective ->
                        assertThat(objective.getTargetDate()).isBetween(programme.getPeriodStart(), programme.getPeriodEnd()));
                assertThat(programme.getObjectives()).extracting(Objective::getObjectiveId).doesNotHaveDuplicates();
            } else if (event instanceof ObjectiveAchieved achievement) {
                ProgrammeAgreed programme = agreed.get(achievement.getProgrammeId());
                assertThat(programme).as("programme of an achieved objective").isNotNull();
                assertThat(partner(programme)).isEqualTo(partner(event));
                assertThat(at(event)).isAfter(at(programme));
                assertThat(programme.getObjectives()).extracting(Objective::getObjectiveId).contains(achievement.getObjectiveId());
                assertThat(achieved.add(achievement.getProgrammeId() + "/" + achievement.getObjectiveId()))
                        .as("achieved twice").isTrue();
            } else if (event instanceof ProgrammeAssessed assessment) {
                ProgrammeAgreed programme = agreed.get(assessment.getProgrammeId());
                assertThat(programme).as("programme assessed").isNotNull();
                assertThat(partner(programme)).isEqualTo(partner(event));
                assertThat(at(event)).isAfter(at(programme));
            }
        }
        assertThat(achieved).isNotEmpty();
    }

    @Test
    void shouldHoldExercisesAmongKnownPartnersCooperatingAtTheTime() {
        Map<String, Boolean> cooperating = new HashMap<>();
        Map<String, ExerciseScheduled> scheduled = new HashMap<>();
        Set<String> ended = new HashSet<>();
        for (SpecificRecord event : history) {
            track(cooperating, event);
            if (event instanceof ExerciseScheduled exercise) {
                assertThat(scheduled.put(exercise.getExerciseId(), exercise)).isNull();
                assertThat(exercise.getParticipantPartnerIds()).contains(partner(exercise)).hasSizeBetween(3, 9)
                        .doesNotHaveDuplicates()
                        .allSatisfy(id -> assertThat(cooperating.get(id)).as("%s cooperating", id).isTrue());
                assertThat(exercise.getStartsOn()).isAfter(dayOf(exercise)).isBeforeOrEqualTo(exercise.getEndsOn());
            } else if (event instanceof ExerciseConducted conducted) {
                ExerciseScheduled exercise = scheduled.get(conducted.getExerciseId());
                assertThat(exercise).isNotNull();
                assertThat(partner(conducted)).isEqualTo(partner(exercise));
                assertThat(ended.add(conducted.getExerciseId())).isTrue();
                assertThat(conducted.getParticipantPartnerIds()).contains(partner(exercise))
                        .isSubsetOf(exercise.getParticipantPartnerIds())
                        .allSatisfy(id -> assertThat(cooperating.get(id)).as("%s cooperating", id).isTrue());
                assertThat(dayOf(conducted)).isAfterOrEqualTo(exercise.getEndsOn());
            } else if (event instanceof ExerciseCancelled cancelled) {
                assertThat(scheduled.get(cancelled.getExerciseId())).isNotNull();
                assertThat(ended.add(cancelled.getExerciseId())).isTrue();
            }
        }
        assertThat(scheduled).hasSizeGreaterThan(200);
    }

    @Test
    void shouldHaveNoCooperationFromAPartnerThatIsNotCooperating() {
        Map<String, Boolean> cooperating = new HashMap<>();
        for (SpecificRecord event : history) {
            track(cooperating, event);
            if (!(event instanceof PartnerJoined || event instanceof PartnerStatusChanged)) {
                assertThat(cooperating.get(partner(event))).as("%s cooperating at %s", partner(event), event).isTrue();
            }
        }
        // Russia was suspended on 2014-04-01, four partners have since become Allies
        assertThat(cooperating).containsEntry("russia", false).containsEntry("montenegro", false)
                .containsEntry("finland", false).containsEntry("sweden", false)
                .containsEntry("the-former-yugoslav-republic-of-macedonia", false).containsEntry("ukraine", true);
    }

    @Test
    void shouldJoinEveryPartnerOnItsFrameworkDocumentDateBeforeAnyCooperation() {
        List<PartnerJoined> joins = only(history, PartnerJoined.class);

        assertThat(joins).hasSize(22);
        for (ReferencePartner reference : ReferencePartners.of2014()) {
            assertThat(joins).filteredOn(join -> partner(join).equals(reference.partnerId())).singleElement()
                    .satisfies(join -> {
                        assertThat(join.getJoinedOn()).isEqualTo(reference.joinedOn());
                        assertThat(join.getName()).isEqualTo(reference.name());
                        assertThat(at(join)).isEqualTo(startOf(reference.joinedOn()));
                    });
        }
        int lastJoin = history.indexOf(joins.get(joins.size() - 1));
        assertThat(history.subList(0, lastJoin)).as("facts before the last join")
                .filteredOn(event -> !(event instanceof PartnerJoined || event instanceof PartnerStatusChanged)).isEmpty();
    }

    @Test
    void shouldChangeStatusesOnTheirRealDates() {
        List<PartnerStatusChanged> changes = only(history, PartnerStatusChanged.class);

        assertThat(changes).hasSameSizeAs(ReferencePartners.statusChanges());
        for (ReferenceStatusChange reference : ReferencePartners.statusChanges()) {
            assertThat(changes).filteredOn(change -> partner(change).equals(reference.partnerId())
                    && change.getEffectiveOn().equals(reference.effectiveOn())).singleElement().satisfies(change -> {
                        assertThat(change.getStatus()).isEqualTo(reference.status());
                        assertThat(change.getReason()).isEqualTo(reference.reason());
                        assertThat(at(change)).isEqualTo(startOf(reference.effectiveOn()));
                    });
        }
    }

    @Test
    void shouldCancelWhatASuspendedPartnerHadUnderWayCorrelatedWithTheSuspension() {
        PartnerStatusChanged suspension = only(history, PartnerStatusChanged.class).stream()
                .filter(change -> change.getStatus() == PartnerStatus.SUSPENDED).findFirst().orElseThrow();
        List<SpecificRecord> russian = history.stream().filter(event -> partner(event).equals("russia")).toList();
        Set<String> proposed = new HashSet<>();
        Set<String> closed = new HashSet<>();
        russian.forEach(event -> {
            if (event instanceof ActivityProposed proposal) {
                proposed.add(proposal.getActivityId());
            } else if (event instanceof ActivityCompleted completion) {
                closed.add(completion.getActivityId());
            } else if (event instanceof ActivityCancelled cancellation) {
                closed.add(cancellation.getActivityId());
            }
        });
        List<ActivityCancelled> cancelledBySuspension = only(russian, ActivityCancelled.class).stream()
                .filter(cancellation -> suspension.getMetadata().getEventId().toString()
                        .equals(cancellation.getMetadata().getCorrelationId())).toList();

        assertThat(partner(suspension)).isEqualTo("russia");
        assertThat(proposed).as("Russia cooperated in early 2014").hasSizeGreaterThan(5);
        assertThat(closed).as("nothing left open").isEqualTo(proposed);
        assertThat(cancelledBySuspension).isNotEmpty()
                .allSatisfy(cancellation -> assertThat(at(cancellation)).isEqualTo(at(suspension)));
        assertThat(russian.get(russian.size() - 1)).isEqualTo(suspension);
    }

    @Test
    void shouldChoosePrioritiesAtThePeriodStartForEveryPartnerCooperatingThen() {
        List<PrioritiesChosen> atStart = only(history, PrioritiesChosen.class).stream()
                .filter(choice -> at(choice).equals(TWELVE_YEARS.from())).toList();

        // All 22 cooperate on 2014-01-01: Malta came back in 2008, Russia is suspended only in April
        assertThat(atStart).hasSize(22).allSatisfy(choice -> {
            assertThat(choice.getPriorities()).hasSizeBetween(2, 4).doesNotHaveDuplicates();
            assertThat(choice.getTargetCompletedActivitiesPerYear()).isPositive();
        });
    }

    @Test
    void shouldKeepAWithdrawnPartnerQuietUntilItComesBackAndStartPartnersJoiningInsideThePeriod() {
        // Given a period covering Malta's withdrawal (1996) and return (2008), and three joins of 2006
        SimulationPlan plan = SimulationPlan.of(7, LocalDate.of(1995, 1, 1), LocalDate.of(2010, 1, 1), 0.5);

        // When
        List<SpecificRecord> events = Histories.generate(plan);

        // Then
        Instant withdrew = startOf(LocalDate.of(1996, 10, 27));
        Instant returned = startOf(LocalDate.of(2008, 4, 3));
        List<SpecificRecord> malta = events.stream().filter(event -> partner(event).equals("malta")).toList();
        assertThat(malta).filteredOn(event -> at(event).isAfter(withdrew) && at(event).isBefore(returned)).isEmpty();
        assertThat(malta).filteredOn(event -> event instanceof ActivityProposed && at(event).isBefore(withdrew)).isNotEmpty();
        assertThat(malta).filteredOn(event -> event instanceof ActivityProposed && at(event).isAfter(returned)).isNotEmpty();
        PrioritiesChosen bosniaFirst = only(events, PrioritiesChosen.class).stream()
                .filter(choice -> partner(choice).equals("bosnia-and-herzegovina")).findFirst().orElseThrow();
        assertThat(at(bosniaFirst)).isAfter(startOf(LocalDate.of(2006, 12, 14)))
                .isBefore(startOf(LocalDate.of(2006, 12, 14).plusDays(15)));
    }

    @Test
    void shouldRunProgrammesToTheirCalendar() {
        List<ProgrammeAgreed> agreed = only(history, ProgrammeAgreed.class);
        Map<String, ProgrammeAgreed> byId = new HashMap<>();
        agreed.forEach(programme -> byId.put(programme.getProgrammeId(), programme));

        assertThat(agreed).extracting(ProgrammeAgreed::getProgrammeType).contains(
                ProgrammeType.IPCP, ProgrammeType.IPAP,
                ProgrammeType.PARP, ProgrammeType.ITPP);
        assertThat(agreed).allSatisfy(programme -> {
            switch (programme.getProgrammeType()) {
                case PARP -> {
                    assertThat(dayOf(programme).getYear() % 2).as("PARP agreed in an even year").isZero();
                    assertThat(dayOf(programme).getMonthValue()).isBetween(4, 7);
                }
                case ITPP -> {
                    assertThat(programme.getPeriodStart().getYear()).isGreaterThanOrEqualTo(2021);
                    assertThat(programme.getPeriodEnd()).isEqualTo(programme.getPeriodStart().plusYears(4).minusDays(1));
                }
                case IPCP, IPAP -> {
                    assertThat(programme.getPeriodStart().getYear()).isLessThan(2021);
                    assertThat(programme.getPeriodEnd()).isEqualTo(programme.getPeriodStart().plusYears(2).minusDays(1));
                }
                default -> throw new AssertionError("unexpected programme type " + programme.getProgrammeType());
            }
        });
        assertThat(only(history, ProgrammeAssessed.class)).isNotEmpty().allSatisfy(assessment -> {
            if (byId.get(assessment.getProgrammeId()).getProgrammeType() == ProgrammeType.PARP) {
                assertThat(dayOf(assessment).getYear() % 2).as("PARP assessed in an odd year").isOne();
            }
        });
    }

    @Test
    void shouldPlaceCooperationInWorkingHours() {
        // Facts fall at the start of their day, as do the period's opening choices and what a status
        // change cancels (correlated with it): everything else happens in office hours.
        List<SpecificRecord> cooperation = history.stream()
                .filter(event -> !(event instanceof PartnerJoined || event instanceof PartnerStatusChanged))
                .filter(event -> !at(event).equals(TWELVE_YEARS.from()))
                .filter(event -> Histories.meta(event).getCorrelationId() == null)
                .toList();

        assertThat(cooperation).hasSizeGreaterThan(40_000).filteredOn(event -> {
            ZonedDateTime time = at(event).atZone(ZoneOffset.UTC);
            return time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY
                    || time.getHour() < 7 || time.getHour() >= 17;
        }).isEmpty();
    }

    /** Follows who cooperates, from the join and status events of the history itself. */
    private static void track(Map<String, Boolean> cooperating, SpecificRecord event) {
        if (event instanceof PartnerJoined) {
            cooperating.put(partner(event), true);
        } else if (event instanceof PartnerStatusChanged change) {
            cooperating.put(partner(event), change.getStatus() == PartnerStatus.ACTIVE);
        }
    }

    private static LocalDate dayOf(SpecificRecord event) {
        return LocalDate.ofInstant(at(event), ZoneOffset.UTC);
    }
}
