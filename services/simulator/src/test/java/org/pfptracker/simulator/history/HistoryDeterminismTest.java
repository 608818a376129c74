package org.pfptracker.simulator.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pfptracker.simulator.history.Histories.TWELVE_YEARS;
import static org.pfptracker.simulator.history.Histories.first;
import static org.pfptracker.simulator.history.Histories.meta;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.simulator.SimulationPlan;

class HistoryDeterminismTest {

    private static final int SAMPLE = 20_000;

    @Test
    void shouldGenerateExactlyTheSameEventsIdsIncludedFromTheSameSeed() {
        // Given two generators of one plan
        // When
        List<SpecificRecord> once = first(TWELVE_YEARS, SAMPLE);
        List<SpecificRecord> again = first(TWELVE_YEARS, SAMPLE);

        // Then: full contents equal (Avro records compare every field), ids spelled out for the record
        assertThat(once).hasSize(SAMPLE);
        assertThat(again).containsExactlyElementsOf(once);
        assertThat(again.stream().map(event -> meta(event).getEventId()).toList())
                .containsExactlyElementsOf(once.stream().map(event -> meta(event).getEventId()).toList());
    }

    @Test
    void shouldGenerateAnotherHistoryFromAnotherSeed() {
        // Given
        SimulationPlan otherSeed = new SimulationPlan(43, TWELVE_YEARS.from(), TWELVE_YEARS.to(), 1);

        // When
        List<SpecificRecord> seed42 = first(TWELVE_YEARS, SAMPLE);
        List<SpecificRecord> seed43 = first(otherSeed, SAMPLE);

        // Then: the facts are the same (who joined when), the ids and the simulated cooperation are not
        assertThat(Histories.only(seed43, PartnerJoined.class)).extracting(PartnerJoined::getJoinedOn)
                .containsExactlyElementsOf(Histories.only(seed42, PartnerJoined.class).stream()
                        .map(PartnerJoined::getJoinedOn).toList());
        assertThat(seed43.stream().map(event -> meta(event).getEventId()))
                .doesNotContainAnyElementsOf(seed42.stream().map(event -> meta(event).getEventId()).toList());
        assertThat(Histories.only(seed43, ActivityProposed.class).stream().map(p -> p.getTitle() + p.getArea()).toList())
                .isNotEqualTo(Histories.only(seed42, ActivityProposed.class).stream()
                        .map(p -> p.getTitle() + p.getArea()).toList());
    }

    @Test
    void shouldExtendAShorterPeriodEventForEventWhenOnlyTheEndMoves() {
        // Given two plans that differ only in their end
        SimulationPlan twoYears = SimulationPlan.of(42, LocalDate.of(2014, 1, 1), LocalDate.of(2016, 1, 1), 1);
        SimulationPlan fourYears = twoYears.withTo(Histories.startOf(LocalDate.of(2018, 1, 1)));

        // When
        List<SpecificRecord> shorter = Histories.generate(twoYears);
        List<SpecificRecord> longer = Histories.generate(fourYears);

        // Then: what a backfill to 2016 published is exactly the start of a backfill to 2018
        assertThat(longer.size()).isGreaterThan(shorter.size());
        assertThat(longer.subList(0, shorter.size())).containsExactlyElementsOf(shorter);
        assertThat(Histories.at(longer.get(shorter.size()))).isAfterOrEqualTo(twoYears.to());
    }

    @Test
    void shouldGiveEveryEventItsOwnIdAcrossTheWholeHistory() {
        List<UUID> ids = Histories.generate(TWELVE_YEARS).stream().map(Histories::meta).map(EventMetadata::getEventId).toList();

        assertThat(ids).hasSizeGreaterThan(40_000).doesNotHaveDuplicates();
    }

    @Test
    void shouldMarkEveryEventAsSimulated() {
        assertThat(first(TWELVE_YEARS, SAMPLE)).allSatisfy(event -> assertThat(meta(event).getSource()).isEqualTo("pfp-simulator"));
    }
}
