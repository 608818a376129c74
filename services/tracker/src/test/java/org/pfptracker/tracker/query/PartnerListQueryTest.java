package org.pfptracker.tracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pfptracker.tracker.query.ViewFixtures.summary;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pfptracker.tracker.view.PartnerSummaryView;

class PartnerListQueryTest {

    private static final List<PartnerSummaryView> PARTNERS = List.of(
            summary("ukraine", "Ukraine", "EURO_ATLANTIC_PARTNERSHIP", "ACTIVE", "AHEAD", 1.4),
            summary("georgia", "Georgia", "EURO_ATLANTIC_PARTNERSHIP", "ACTIVE", "BEHIND", 0.5),
            summary("jordan", "jordan", "MEDITERRANEAN_DIALOGUE", "ACTIVE", "ON_PACE", 1.0),
            summary("qatar", "Qatar", "ISTANBUL_COOPERATION_INITIATIVE", "ACTIVE", "NOT_SET", null),
            summary("russia", "Russia", "EURO_ATLANTIC_PARTNERSHIP", "SUSPENDED", "STALLED", 0.9),
            summary("armenia", "Armenia", "EURO_ATLANTIC_PARTNERSHIP", "ACTIVE", "BEHIND", 0.2),
            summary("atlantis", null, null, null, "NOT_SET", null));

    @Test
    void shouldListEveryPartnerByNameIgnoringCaseWithNamelessPartnersLast() {
        List<PartnerSummaryView> listed = PartnerListQuery.everyPartnerByName().apply(PARTNERS);

        assertThat(listed).extracting(PartnerSummaryView::partnerId)
                .containsExactly("armenia", "georgia", "jordan", "qatar", "russia", "ukraine", "atlantis");
    }

    @Test
    void shouldKeepNamelessPartnersLastWhenSortedDescending() {
        List<PartnerSummaryView> listed = query(Set.of(), Set.of(), Set.of(), PartnerSort.NAME, SortOrder.DESC)
                .apply(PARTNERS);

        assertThat(listed).extracting(PartnerSummaryView::partnerId)
                .containsExactly("ukraine", "russia", "qatar", "jordan", "georgia", "armenia", "atlantis");
    }

    @Test
    void shouldSortByPaceLeastOnPaceFirstThenByRatioWithUnsetPaceLast() {
        List<PartnerSummaryView> listed = query(Set.of(), Set.of(), Set.of(), PartnerSort.PACE, SortOrder.ASC)
                .apply(PARTNERS);

        assertThat(listed).extracting(PartnerSummaryView::partnerId)
                .containsExactly("russia", "armenia", "georgia", "jordan", "ukraine", "atlantis", "qatar");
    }

    @Test
    void shouldKeepUnsetPaceLastWhenSortedByPaceDescending() {
        List<PartnerSummaryView> listed = query(Set.of(), Set.of(), Set.of(), PartnerSort.PACE, SortOrder.DESC)
                .apply(PARTNERS);

        assertThat(listed).extracting(PartnerSummaryView::partnerId)
                .containsExactly("ukraine", "jordan", "georgia", "armenia", "russia", "atlantis", "qatar");
    }

    @Test
    void shouldBreakTiesByPartnerId() {
        List<PartnerSummaryView> twins = List.of(
                summary("b-land", "Same", "GLOBAL_PARTNER", "ACTIVE", "BEHIND", 0.5),
                summary("a-land", "Same", "GLOBAL_PARTNER", "ACTIVE", "BEHIND", 0.5));

        assertThat(query(Set.of(), Set.of(), Set.of(), PartnerSort.NAME, SortOrder.DESC).apply(twins))
                .extracting(PartnerSummaryView::partnerId).containsExactly("a-land", "b-land");
        assertThat(query(Set.of(), Set.of(), Set.of(), PartnerSort.PACE, SortOrder.DESC).apply(twins))
                .extracting(PartnerSummaryView::partnerId).containsExactly("a-land", "b-land");
    }

    @Test
    void shouldKeepPartnersMatchingAnyValueOfEveryFilter() {
        List<PartnerSummaryView> listed = query(Set.of("EURO_ATLANTIC_PARTNERSHIP", "MEDITERRANEAN_DIALOGUE"),
                Set.of("ACTIVE"), Set.of("BEHIND", "ON_PACE"), PartnerSort.NAME, SortOrder.ASC).apply(PARTNERS);

        assertThat(listed).extracting(PartnerSummaryView::partnerId).containsExactly("armenia", "georgia", "jordan");
    }

    @Test
    void shouldLeaveOutPartnersWithoutAProfileWhenFilteringOnIt() {
        List<PartnerSummaryView> listed = query(Set.of(), Set.of(), Set.of("NOT_SET"), PartnerSort.NAME, SortOrder.ASC)
                .apply(PARTNERS);
        List<PartnerSummaryView> active = query(Set.of(), Set.of("ACTIVE"), Set.of("NOT_SET"), PartnerSort.NAME,
                SortOrder.ASC).apply(PARTNERS);

        assertThat(listed).extracting(PartnerSummaryView::partnerId).containsExactly("qatar", "atlantis");
        assertThat(active).extracting(PartnerSummaryView::partnerId).containsExactly("qatar");
    }

    @Test
    void shouldRefuseAFilterValueOutsideTheCatalogue() {
        assertThatThrownBy(() -> query(Set.of("NATO"), Set.of(), Set.of(), PartnerSort.NAME, SortOrder.ASC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("framework 'NATO'");
    }

    @Test
    void shouldOfferTheSchemaAndPaceValuesAsFilters() {
        assertThat(PartnerListQuery.FRAMEWORKS).startsWith("EURO_ATLANTIC_PARTNERSHIP").contains("GLOBAL_PARTNER");
        assertThat(PartnerListQuery.STATUSES).contains("ACTIVE", "SUSPENDED", "BECAME_ALLY", "WITHDRAWN");
        assertThat(PartnerListQuery.PACE_STATUSES).containsExactly("AHEAD", "ON_PACE", "BEHIND", "STALLED", "NOT_SET");
    }

    private static PartnerListQuery query(Set<String> frameworks, Set<String> statuses, Set<String> paceStatuses,
                                          PartnerSort sort, SortOrder order) {
        return new PartnerListQuery(frameworks, statuses, paceStatuses, sort, order);
    }
}
