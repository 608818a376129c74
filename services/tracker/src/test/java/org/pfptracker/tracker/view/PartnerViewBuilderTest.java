package org.pfptracker.tracker.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pfptracker.tracker.state.ProgrammeFacts;
import org.pfptracker.tracker.state.Stamp;
import org.pfptracker.tracker.state.index.Counts;

class PartnerViewBuilderTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private static final LocalDate RECENT = AS_OF.minusDays(10);

    @ParameterizedTest(name = "{0} completed against a pace of {1} is {2}")
    @CsvSource({
            "11, 10, AHEAD", "10, 10, ON_PACE", "9, 10, ON_PACE", "8, 10, BEHIND",
            "22, 20, AHEAD", "21, 20, ON_PACE", "18, 20, ON_PACE", "17, 20, BEHIND",
            "0, 5, STALLED"})
    void shouldPlaceTheRatioOnTheRightSideOfEachThreshold(int completed, int target, PaceStatus expected) {
        LocalDate lastCompleted = completed == 0 ? null : RECENT;

        assertThat(PartnerViewBuilder.statusOf(completed, target, lastCompleted, AS_OF)).isEqualTo(expected);
    }

    @Test
    void shouldCallAPartnerStalledWhenItsLastCompletionIsExactly180DaysOld() {
        assertThat(PartnerViewBuilder.statusOf(30, 10, AS_OF.minusDays(180), AS_OF)).isEqualTo(PaceStatus.STALLED);
        assertThat(PartnerViewBuilder.statusOf(30, 10, AS_OF.minusDays(179), AS_OF)).isEqualTo(PaceStatus.AHEAD);
    }

    @Test
    void shouldTakeTheMedianOfOddAndEvenCounts() {
        assertThat(PartnerViewBuilder.median(histogram(3, 1, 10, 1, 40, 1))).isEqualTo(10.0);
        assertThat(PartnerViewBuilder.median(histogram(3, 1, 10, 1))).isEqualTo(6.5);
        assertThat(PartnerViewBuilder.median(histogram(7, 4))).isEqualTo(7.0);
        assertThat(PartnerViewBuilder.median(Counts.NONE)).isNull();
    }

    @Test
    void shouldCallAnObjectiveDueTodayOpenAndOneDueYesterdayOverdue() {
        ProgrammeFacts facts = ProgrammeFacts.NONE.withAgreement(new ProgrammeFacts.Agreement("PARP",
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of(
                        new ProgrammeFacts.Objective("due-today", "d", "DEFENCE_REFORM", AS_OF),
                        new ProgrammeFacts.Objective("due-yesterday", "d", "DEFENCE_REFORM", AS_OF.minusDays(1)),
                        new ProgrammeFacts.Objective("achieved-today", "d", "DEFENCE_REFORM", AS_OF.minusDays(5))),
                stamp("2024-01-01T00:00:00Z", "a")))
                .withAchievement("achieved-today", stamp(AS_OF + "T00:00:00Z", "b"));

        ProgrammeView view = PartnerViewBuilder.programme("p1", facts, AS_OF, true);

        assertThat(view.objectives()).extracting(o -> o.objectiveId() + "=" + o.state())
                .containsExactly("due-today=OPEN", "due-yesterday=OVERDUE", "achieved-today=ACHIEVED");
        assertThat(view.percentAchieved()).isEqualTo(33.3);
    }

    @Test
    void shouldShowTheAgreementAndAssessmentInForceOnTheDate() {
        ProgrammeFacts facts = ProgrammeFacts.NONE
                .withAgreement(new ProgrammeFacts.Agreement("PARP", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                        List.of(new ProgrammeFacts.Objective("o1", "d", "DEFENCE_REFORM", AS_OF)),
                        stamp("2024-01-01T00:00:00Z", "a")))
                .withAgreement(new ProgrammeFacts.Agreement("PARP", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31),
                        List.of(), stamp("2024-09-01T00:00:00Z", "b")))
                .withAssessment(new ProgrammeFacts.Assessment("ON_TRACK", "fine", stamp("2024-03-01T00:00:00Z", "c")))
                .withAssessment(new ProgrammeFacts.Assessment("OFF_TRACK", "late", stamp("2024-08-01T00:00:00Z", "d")));

        ProgrammeView june = PartnerViewBuilder.programme("p1", facts, AS_OF, true);
        ProgrammeView october = PartnerViewBuilder.programme("p1", facts, LocalDate.of(2024, 10, 1), true);

        assertThat(june.periodEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(june.lastAssessment().rating()).isEqualTo("ON_TRACK");
        assertThat(october.periodEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(october.lastAssessment().rating()).isEqualTo("OFF_TRACK");
    }

    private static Counts histogram(int... codesAndCounts) {
        Counts.Builder counts = Counts.builder();
        for (int i = 0; i < codesAndCounts.length; i += 2) {
            counts.add(codesAndCounts[i], codesAndCounts[i + 1]);
        }
        return counts.build();
    }

    private static Stamp stamp(String at, String eventId) {
        return new Stamp(Instant.parse(at), eventId);
    }
}
