package org.pfptracker.simulator.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.simulator.history.Histories.TWELVE_YEARS;
import static org.pfptracker.simulator.history.Histories.at;
import static org.pfptracker.simulator.history.Histories.only;
import static org.pfptracker.simulator.history.Histories.partner;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.simulator.SimulationPlan;

/**
 * Realistic volumes. The definition: at scale 1, the partners cooperating at any moment together
 * propose about 1,400 Partnership Cooperation Menu activities a year (ActivityProposed events per
 * calendar year, all partners); about 12% of activities end cancelled, the rest completed.
 */
class HistoryVolumeTest {

    private static List<SpecificRecord> history;

    @BeforeAll
    static void generate() {
        history = Histories.generate(TWELVE_YEARS);
    }

    @Test
    void shouldProposeAbout1400ActivitiesEveryYearAtScale1() {
        Map<Integer, Long> perYear = perYear(only(history, ActivityProposed.class));

        assertThat(perYear).containsOnlyKeys(range(2014, 2025));
        assertThat(perYear.values()).allSatisfy(count -> assertThat(count).isBetween(1_260L, 1_540L));
    }

    @Test
    void shouldCancelAboutOneActivityInEightAndCompleteTheRest() {
        long completed = only(history, ActivityCompleted.class).size();
        long cancelled = only(history, ActivityCancelled.class).size();

        assertThat((double) cancelled / (completed + cancelled)).isBetween(0.10, 0.15);
    }

    @Test
    void shouldMultiplyActivitiesAndExercisesWithTheScale() {
        // Given
        SimulationPlan twoYears = SimulationPlan.of(42, LocalDate.of(2015, 1, 1), LocalDate.of(2017, 1, 1), 1);
        SimulationPlan tripled = new SimulationPlan(42, twoYears.from(), twoYears.to(), 3);

        // When
        List<SpecificRecord> normal = Histories.generate(twoYears);
        List<SpecificRecord> large = Histories.generate(tripled);

        // Then
        assertThat(perYear(only(large, ActivityProposed.class)).values())
                .allSatisfy(count -> assertThat(count).isBetween(3_780L, 4_620L));
        assertThat((double) only(large, ExerciseScheduled.class).size() / only(normal, ExerciseScheduled.class).size())
                .isBetween(2.0, 4.5);
        // Programmes follow each partner's calendar, not the scale
        assertThat(only(large, ProgrammeAgreed.class)).hasSameSizeAs(only(normal, ProgrammeAgreed.class));
    }

    @Test
    void shouldSkewEachPartnersActivitiesTowardsItsPrioritiesHighestFirst() {
        Map<String, List<AreaOfCooperation>> priorities = new HashMap<>();
        long inPriorities = 0;
        long proposals = 0;
        long[] byRank = new long[4];
        for (SpecificRecord event : history) {
            if (event instanceof PrioritiesChosen choice) {
                priorities.put(partner(choice), choice.getPriorities());
            } else if (event instanceof ActivityProposed proposal) {
                proposals++;
                int rank = priorities.get(partner(proposal)).indexOf(proposal.getArea());
                if (rank >= 0) {
                    inPriorities++;
                    byRank[rank]++;
                }
            }
        }

        // 75% drawn from the priorities, plus the random rest that lands in them by chance: about 82%
        assertThat((double) inPriorities / proposals).isBetween(0.75, 0.9);
        assertThat(byRank[0]).isGreaterThan(byRank[1]);
        assertThat(byRank[1]).isGreaterThan(byRank[2]);
    }

    @Test
    void shouldPlanActivitiesWeeksToMonthsAhead() {
        List<Long> leadDays = new ArrayList<>();
        for (ActivityProposed proposal : only(history, ActivityProposed.class)) {
            leadDays.add(ChronoUnit.DAYS.between(LocalDate.ofInstant(at(proposal), ZoneOffset.UTC), proposal.getPlannedStart()));
        }
        leadDays.sort(null);

        assertThat(leadDays.get(0)).isGreaterThanOrEqualTo(14);
        assertThat(leadDays.get(leadDays.size() - 1)).isLessThanOrEqualTo(270);
        assertThat(leadDays.get(leadDays.size() / 2)).as("median lead time").isBetween(45L, 75L);
    }

    @Test
    void shouldConductMostExercisesAndAchieveMostObjectives() {
        double exercisesCancelled = (double) only(history, ExerciseCancelled.class).size()
                / only(history, ExerciseScheduled.class).size();
        // Objectives of programmes over well before the end, so that late ones had their chance
        List<ProgrammeAgreed> finished = only(history, ProgrammeAgreed.class).stream()
                .filter(programme -> programme.getPeriodEnd().isBefore(LocalDate.of(2025, 1, 1))).toList();
        long objectives = finished.stream().mapToLong(programme -> programme.getObjectives().size()).sum();
        List<String> finishedIds = finished.stream().map(ProgrammeAgreed::getProgrammeId).toList();
        long achieved = only(history, ObjectiveAchieved.class).stream()
                .filter(achievement -> finishedIds.contains(achievement.getProgrammeId())).count();

        assertThat(exercisesCancelled).isBetween(0.02, 0.2);
        assertThat((double) achieved / objectives).isBetween(0.6, 0.85);
    }

    private static Map<Integer, Long> perYear(List<? extends SpecificRecord> events) {
        Map<Integer, Long> counts = new TreeMap<>();
        events.forEach(event -> counts.merge(at(event).atZone(ZoneOffset.UTC).getYear(), 1L, Long::sum));
        return counts;
    }

    private static Integer[] range(int first, int last) {
        return java.util.stream.IntStream.rangeClosed(first, last).boxed().toArray(Integer[]::new);
    }
}
