package org.pfptracker.tracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pfptracker.tracker.view.PaceView.QuarterView;
import org.pfptracker.tracker.view.PartnerView;

class PaceSeriesTest {

    private final PartnerView view = ViewFixtures.partner("georgia", "Georgia", 7);

    @Test
    void shouldFillQuartersWithoutActivityWithZeros() {
        PaceSeries series = PaceSeries.of(view, new QuarterRange(Quarter.parse("2023-Q2"), Quarter.parse("2024-Q2")));

        assertThat(series.quarters()).containsExactly(
                new QuarterView("2023-Q2", 0, 0, 0),
                new QuarterView("2023-Q3", 2, 0, 0),
                new QuarterView("2023-Q4", 0, 0, 0),
                new QuarterView("2024-Q1", 1, 2, 1),
                new QuarterView("2024-Q2", 0, 0, 0));
        assertThat(series.from()).isEqualTo("2023-Q2");
        assertThat(series.to()).isEqualTo("2024-Q2");
    }

    @Test
    void shouldStartAtTheFirstActiveQuarterWhenNoStartIsAsked() {
        PaceSeries series = PaceSeries.of(view, new QuarterRange(null, Quarter.parse("2024-Q1")));

        assertThat(series.from()).isEqualTo("2023-Q3");
        assertThat(series.quarters()).extracting(QuarterView::quarter)
                .containsExactly("2023-Q3", "2023-Q4", "2024-Q1");
    }

    @Test
    void shouldKeepOnlyTheQuartersAsked() {
        PaceSeries series = PaceSeries.of(view, new QuarterRange(Quarter.parse("2024-Q1"), Quarter.parse("2024-Q1")));

        assertThat(series.quarters()).containsExactly(new QuarterView("2024-Q1", 1, 2, 1));
    }

    @Test
    void shouldGiveOneEmptyQuarterForAPartnerWithoutActivity() {
        PartnerView quiet = ViewFixtures.partnerWithQuarters("malta", "Malta", 1, List.of());

        PaceSeries series = PaceSeries.of(quiet, new QuarterRange(null, Quarter.parse("2024-Q2")));

        assertThat(series.quarters()).containsExactly(new QuarterView("2024-Q2", 0, 0, 0));
    }

    @Test
    void shouldCarryThePaceOfTheView() {
        PaceSeries series = PaceSeries.of(view, new QuarterRange(null, Quarter.parse("2024-Q2")));

        assertThat(series.partnerId()).isEqualTo("georgia");
        assertThat(series.asOf()).isEqualTo(ViewFixtures.AS_OF);
        assertThat(series.status()).isEqualTo("BEHIND");
        assertThat(series.ratio()).isEqualTo(0.5);
        assertThat(series.completedLast12Months()).isEqualTo(2);
        assertThat(series.targetPerYear()).isEqualTo(4);
    }

    @Test
    void shouldRefuseARangeThatEndsBeforeItStartsOrIsTooLong() {
        assertThatThrownBy(() -> new QuarterRange(Quarter.parse("2024-Q2"), Quarter.parse("2024-Q1")))
                .hasMessageContaining("from 2024-Q2 is after to 2024-Q1");
        assertThatThrownBy(() -> new QuarterRange(Quarter.parse("1900-Q1"), Quarter.parse("2024-Q1")))
                .hasMessageContaining("at most 400");
    }
}
