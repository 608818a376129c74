package org.pfptracker.tracker.http;

import org.pfptracker.http.problem.ProblemException;
import org.pfptracker.http.problem.Problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pfptracker.tracker.query.PartnerListQuery;
import org.pfptracker.tracker.query.PartnerSort;
import org.pfptracker.tracker.query.Quarter;
import org.pfptracker.tracker.query.QuarterRange;
import org.pfptracker.tracker.query.SortOrder;

class RequestParametersTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

    @Test
    void shouldTakeTodayWhenNoDateIsAsked() {
        assertThat(query(Map.of()).asOf(TODAY)).isEqualTo(TODAY);
        assertThat(query(Map.of("asOf", List.of("2023-02-28"))).asOf(TODAY)).isEqualTo(LocalDate.of(2023, 2, 28));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30", "30/06/2024", "2024-6-30", "yesterday", "+12024-01-01", "0999-12-31"})
    void shouldRefuseAnAsOfThatIsNotADate(String asOf) {
        Problem problem = problemOf(() -> query(Map.of("asOf", List.of(asOf))).asOf(TODAY));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.parameter()).isEqualTo("asOf");
        assertThat(problem.detail()).contains(asOf);
    }

    @Test
    void shouldRefuseAParameterGivenTwiceOrEmpty() {
        assertThat(problemOf(() -> query(Map.of("asOf", List.of("2024-01-01", "2024-01-02"))).asOf(TODAY)).detail())
                .contains("asOf is given 2 times");
        assertThat(problemOf(() -> query(Map.of("asOf", List.of(""))).asOf(TODAY)).detail())
                .contains("asOf is empty");
    }

    @Test
    void shouldRefuseAnUnknownQueryParameterNamingIt() {
        Problem problem = problemOf(() -> query(Map.of("stauts", List.of("ACTIVE"))).allowOnly("asOf", "status"));

        assertThat(problem.parameter()).isEqualTo("stauts");
        assertThat(problem.detail()).contains("asOf, status");
    }

    @Test
    void shouldAcceptPartnerIdsOfLowerCaseWordsAndHyphens() {
        assertThat(path("bosnia-and-herzegovina").partnerId()).hasToString("bosnia-and-herzegovina");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Not_An_Id", "UKRAINE", "-georgia", "a b", "ukraine/x"})
    void shouldRefuseAMalformedPartnerId(String partnerId) {
        Problem problem = problemOf(() -> path(partnerId).partnerId());

        assertThat(problem.parameter()).isEqualTo("partnerId");
        assertThat(problem.detail()).contains(partnerId);
    }

    @Test
    void shouldCheckProgrammeIds() {
        RequestParameters good = new RequestParameters(Map.of("programmeId", "GEO-PARP_2024.1"), Map.of());
        RequestParameters bad = new RequestParameters(Map.of("programmeId", "-x"), Map.of());

        assertThat(good.programmeId()).isEqualTo("GEO-PARP_2024.1");
        assertThat(problemOf(bad::programmeId).parameter()).isEqualTo("programmeId");
    }

    @Test
    void shouldDefaultTheLastQuarterToTheQuarterOfAsOfAndLeaveTheFirstOpen() {
        QuarterRange range = query(Map.of()).quarters(TODAY);

        assertThat(range).isEqualTo(new QuarterRange(null, Quarter.parse("2024-Q2")));
        assertThat(query(Map.of("from", List.of("2023-Q1"), "to", List.of("2023-Q4"))).quarters(TODAY))
                .isEqualTo(new QuarterRange(Quarter.parse("2023-Q1"), Quarter.parse("2023-Q4")));
    }

    @Test
    void shouldRefuseAMalformedQuarterNamingIt() {
        Problem from = problemOf(() -> query(Map.of("from", List.of("2024-Q7"))).quarters(TODAY));
        Problem to = problemOf(() -> query(Map.of("to", List.of("2024-3"))).quarters(TODAY));

        assertThat(from.parameter()).isEqualTo("from");
        assertThat(to.parameter()).isEqualTo("to");
        assertThat(to.detail()).contains("YYYY-Qn");
    }

    @Test
    void shouldRefuseAFirstQuarterAfterTheLast() {
        Problem explicit = problemOf(() -> query(Map.of("from", List.of("2024-Q3"), "to", List.of("2024-Q1")))
                .quarters(TODAY));
        Problem defaulted = problemOf(() -> query(Map.of("from", List.of("2025-Q1"))).quarters(TODAY));

        assertThat(explicit.parameter()).isEqualTo("from");
        assertThat(explicit.detail()).contains("from 2024-Q3 is after to 2024-Q1");
        assertThat(defaulted.detail()).contains("to defaults to the quarter of asOf");
    }

    @Test
    void shouldReadFiltersRepeatedOrCommaSeparatedIgnoringCase() {
        PartnerListQuery listQuery = query(Map.of(
                "framework", List.of("euro_atlantic_partnership", "GLOBAL_PARTNER"),
                "paceStatus", List.of("behind,On_Pace"),
                "sort", List.of("pace"), "order", List.of("DESC"))).partnerListQuery();

        assertThat(listQuery.frameworks()).containsExactlyInAnyOrder("EURO_ATLANTIC_PARTNERSHIP", "GLOBAL_PARTNER");
        assertThat(listQuery.statuses()).isEmpty();
        assertThat(listQuery.paceStatuses()).containsExactlyInAnyOrder("BEHIND", "ON_PACE");
        assertThat(listQuery.sort()).isEqualTo(PartnerSort.PACE);
        assertThat(listQuery.order()).isEqualTo(SortOrder.DESC);
    }

    @Test
    void shouldListEveryPartnerByNameByDefault() {
        assertThat(query(Map.of()).partnerListQuery()).isEqualTo(PartnerListQuery.everyPartnerByName());
    }

    @Test
    void shouldRefuseAnUnknownFilterValueNamingTheParameterAndTheAllowedValues() {
        Problem status = problemOf(() -> query(Map.of("status", List.of("ACTIVE,ASLEEP"))).partnerListQuery());
        Problem pace = problemOf(() -> query(Map.of("paceStatus", List.of("FAST"))).partnerListQuery());

        assertThat(status.parameter()).isEqualTo("status");
        assertThat(status.detail()).contains("'ASLEEP'", "ACTIVE, SUSPENDED, BECAME_ALLY, WITHDRAWN");
        assertThat(pace.parameter()).isEqualTo("paceStatus");
        assertThat(pace.detail()).contains("AHEAD, ON_PACE, BEHIND, STALLED, NOT_SET");
    }

    @Test
    void shouldRefuseAnUnknownSortOrOrder() {
        Problem sort = problemOf(() -> query(Map.of("sort", List.of("size"))).partnerListQuery());
        Problem order = problemOf(() -> query(Map.of("order", List.of("up"))).partnerListQuery());

        assertThat(sort.parameter()).isEqualTo("sort");
        assertThat(sort.detail()).contains("name, pace");
        assertThat(order.parameter()).isEqualTo("order");
        assertThat(order.detail()).contains("asc, desc");
    }

    private static RequestParameters query(Map<String, List<String>> query) {
        return new RequestParameters(Map.of(), query);
    }

    private static RequestParameters path(String partnerId) {
        return new RequestParameters(Map.of("partnerId", partnerId), Map.of());
    }

    private static Problem problemOf(Runnable parsing) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, parsing::run);
        assertThat(refused).as("refused with a problem").isNotNull();
        assertThat(refused.getStackTrace()).as("an expected refusal carries no stack trace").isEmpty();
        return refused.problem();
    }
}
