package org.pfptracker.simulator.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.platform.reference.ReferencePartner;
import org.pfptracker.platform.reference.ReferenceStatusChange;
import org.pfptracker.simulator.SimulationPlan;

/** The generator tells the history of whatever partners it is given, and refuses reference data that cannot be. */
class ReferenceDataTest {

    private static final SimulationPlan PLAN = SimulationPlan.of(42, LocalDate.of(2020, 1, 1), LocalDate.of(2022, 1, 1), 1);
    private static final List<ReferencePartner> THREE = List.of(
            new ReferencePartner("atlantis", "Atlantis", Framework.EURO_ATLANTIC_PARTNERSHIP, LocalDate.of(1994, 1, 10)),
            new ReferencePartner("lemuria", "Lemuria", Framework.MEDITERRANEAN_DIALOGUE, LocalDate.of(1995, 1, 10)),
            new ReferencePartner("mu", "Mu", Framework.GLOBAL_PARTNER, LocalDate.of(1996, 1, 10)));

    @Test
    void shouldTellTheHistoryOfTheGivenPartnersOnly() {
        List<SpecificRecord> events = new HistoryGenerator(PLAN, THREE,
                List.of(new ReferenceStatusChange("mu", PartnerStatus.SUSPENDED, LocalDate.of(2021, 1, 1), "test"))).stream().toList();

        assertThat(events).extracting(Histories::partner).containsOnly("atlantis", "lemuria", "mu");
        assertThat(Histories.only(events, PartnerStatusChanged.class)).singleElement()
                .satisfies(change -> assertThat(change.getStatus()).isEqualTo(PartnerStatus.SUSPENDED));
        assertThat(events).filteredOn(event -> Histories.partner(event).equals("mu"))
                .filteredOn(event -> Histories.at(event).isAfter(Histories.startOf(LocalDate.of(2021, 1, 1)))).isEmpty();
    }

    @Test
    void shouldRefuseAStatusChangeBeforeThePartnersJoin() {
        List<ReferenceStatusChange> early = List.of(
                new ReferenceStatusChange("mu", PartnerStatus.SUSPENDED, LocalDate.of(1995, 6, 1), "before joining"));

        assertThatThrownBy(() -> new HistoryGenerator(PLAN, THREE, early))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mu").hasMessageContaining("1996-01-10");
    }

    @Test
    void shouldRefuseAStatusChangeOfAnUnknownPartner() {
        List<ReferenceStatusChange> unknown = List.of(
                new ReferenceStatusChange("hyperborea", PartnerStatus.SUSPENDED, LocalDate.of(2021, 1, 1), "who?"));

        assertThatThrownBy(() -> new HistoryGenerator(PLAN, THREE, unknown))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hyperborea");
    }
}
