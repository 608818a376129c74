package org.pfptracker.tracker.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pfptracker.tracker.state.ExerciseParticipation;
import org.pfptracker.tracker.state.PartnerState;
import org.pfptracker.tracker.state.PrioritiesFact;
import org.pfptracker.tracker.state.ProgrammeFacts;
import org.pfptracker.tracker.state.Stamp;

class PartnerViewsTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private static final LocalDate RECENT = AS_OF.minusDays(10);

    @ParameterizedTest(name = "{0} completed against a pace of {1} is {2}")
    @CsvSource({
            "11, 10, AHEAD", "10, 10, ON_PACE", "9, 10, ON_PACE", "8, 10, BEHIND",
            "22, 20, AHEAD", "21, 20, ON_PACE", "18, 20, ON_PACE", "17, 20, BEHIND",
            "0, 5, STALLED"})
    void shouldPlaceTheRatioOnTheRightSideOfEachThreshold(int completed, int target, PaceStatus expected) {
        LocalDate lastCompleted = completed == 0 ? null : RECENT;

        assertThat(PartnerViews.statusOf(completed, target, lastCompleted, AS_OF)).isEqualTo(expected);
    }

    @Test
    void shouldCallAPartnerStalledWhenItsLastCompletionIsExactly180DaysOld() {
        assertThat(PartnerViews.statusOf(30, 10, AS_OF.minusDays(180), AS_OF)).isEqualTo(PaceStatus.STALLED);
        assertThat(PartnerViews.statusOf(30, 10, AS_OF.minusDays(179), AS_OF)).isEqualTo(PaceStatus.AHEAD);
    }

    @Test
    void shouldReportNotSetWithoutAChosenPace() {
        PartnerState state = withCompletions(null, Map.of(RECENT, 3));

        PaceView pace = PartnerViews.pace(state, AS_OF);

        assertThat(pace.status()).isEqualTo("NOT_SET");
        assertThat(pace.ratio()).isNull();
        assertThat(pace.completedLast12Months()).isEqualTo(3);
    }

    @Test
    void shouldCountTheTrailingTwelveMonthsUpToAndIncludingTheAsOfDate() {
        PartnerState state = withCompletions(new PrioritiesFact(List.of("DEFENCE_REFORM"), 4, stamp()), Map.of(
                AS_OF.minusMonths(12), 1,            // exactly 12 months before: outside
                AS_OF.minusMonths(12).plusDays(1), 1, // inside
                AS_OF, 1,                              // the as-of date itself: inside
                AS_OF.plusDays(1), 1));                // after the as-of date: not yet

        PaceView pace = PartnerViews.pace(state, AS_OF);

        assertThat(pace.completedLast12Months()).isEqualTo(2);
        assertThat(pace.ratio()).isEqualTo(0.5);
        assertThat(pace.status()).isEqualTo("BEHIND");
        assertThat(pace.lastCompletedOn()).isEqualTo(AS_OF);
    }

    @Test
    void shouldTakeTheMedianOfOddAndEvenCounts() {
        assertThat(PartnerViews.median(Map.of(3, 1, 10, 1, 40, 1))).isEqualTo(10.0);
        assertThat(PartnerViews.median(Map.of(3, 1, 10, 1))).isEqualTo(6.5);
        assertThat(PartnerViews.median(Map.of(7, 4))).isEqualTo(7.0);
        assertThat(PartnerViews.median(Map.of())).isNull();
    }

    @Test
    void shouldCallAnObjectiveDueTodayOpenAndOneDueYesterdayOverdue() {
        ProgrammeFacts facts = ProgrammeFacts.NONE.withAgreement(new ProgrammeFacts.Agreement("PARP",
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of(
                        new ProgrammeFacts.Objective("due-today", "d", "DEFENCE_REFORM", AS_OF),
                        new ProgrammeFacts.Objective("due-yesterday", "d", "DEFENCE_REFORM", AS_OF.minusDays(1)),
                        new ProgrammeFacts.Objective("achieved-today", "d", "DEFENCE_REFORM", AS_OF.minusDays(5))),
                stamp()))
                .withAchievement("achieved-today", AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC));

        ProgrammeView view = PartnerViews.programme("p1", facts, AS_OF, true);

        assertThat(view.objectives()).extracting(o -> o.objectiveId() + "=" + o.state())
                .containsExactly("due-today=OPEN", "due-yesterday=OVERDUE", "achieved-today=ACHIEVED");
        assertThat(view.percentAchieved()).isEqualTo(33.3);
    }

    @Test
    void shouldListTheTwentySoonestUpcomingAndTwentyLatestPastExercisesButCountThemAll() {
        List<ExerciseParticipation> exercises = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            exercises.add(exercise("up" + i, "SCHEDULED", AS_OF.plusDays(i)));
            exercises.add(exercise("done" + i, "CONDUCTED", AS_OF.minusDays(i + 1)));
        }

        ExercisesView view = PartnerViews.exercises(exercises, AS_OF);

        assertThat(view.scheduled()).isEqualTo(30);
        assertThat(view.conducted()).isEqualTo(30);
        assertThat(view.upcoming()).hasSize(20).first().extracting(ExerciseView::exerciseId).isEqualTo("up0");
        assertThat(view.past()).hasSize(20).first().extracting(ExerciseView::exerciseId).isEqualTo("done0");
        assertThat(view.next().exerciseId()).isEqualTo("up0");
    }

    private static ExerciseParticipation exercise(String id, String state, LocalDate startsOn) {
        return new ExerciseParticipation(id, "Exercise " + id, "EXERCISES", state, "HOST", "p", List.of("p"),
                startsOn, startsOn.plusDays(3), 1, null);
    }

    private static PartnerState withCompletions(PrioritiesFact priorities, Map<LocalDate, Integer> completions) {
        return new PartnerState("p", null, null, priorities, Map.of(), Map.of(), completions, Map.of(), Map.of(),
                null, 0);
    }

    private static Stamp stamp() {
        return new Stamp(Instant.parse("2024-01-01T00:00:00Z"), "e");
    }
}
