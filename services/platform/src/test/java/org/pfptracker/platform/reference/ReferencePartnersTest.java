package org.pfptracker.platform.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerStatus;

class ReferencePartnersTest {

    @Test
    void shouldShipTheTwentyTwoPartnersOf2014WithTheirFrameworkDocumentDates() {
        List<ReferencePartner> partners = ReferencePartners.of2014();

        assertThat(partners).hasSize(22);
        assertThat(partners).extracting(ReferencePartner::partnerId).doesNotHaveDuplicates();
        assertThat(partners).allMatch(p -> p.framework() == Framework.EURO_ATLANTIC_PARTNERSHIP);
        assertThat(partners).contains(
                new ReferencePartner("ukraine", "Ukraine", Framework.EURO_ATLANTIC_PARTNERSHIP, LocalDate.of(1994, 2, 8)),
                new ReferencePartner("malta", "Malta", Framework.EURO_ATLANTIC_PARTNERSHIP, LocalDate.of(1995, 4, 26)),
                new ReferencePartner("bosnia-and-herzegovina", "Bosnia and Herzegovina",
                        Framework.EURO_ATLANTIC_PARTNERSHIP, LocalDate.of(2006, 12, 14)));
    }

    @Test
    void shouldShipTheLaterStatusChangesOfKnownPartnersInDateOrder() {
        List<ReferenceStatusChange> changes = ReferencePartners.statusChanges();
        List<String> known = ReferencePartners.of2014().stream().map(ReferencePartner::partnerId).toList();

        assertThat(changes).extracting(ReferenceStatusChange::partnerId).allMatch(known::contains);
        assertThat(changes).extracting(ReferenceStatusChange::effectiveOn).isSorted();
        assertThat(changes).contains(
                new ReferenceStatusChange("russia", PartnerStatus.SUSPENDED, LocalDate.of(2014, 4, 1),
                        "NATO suspended all practical civilian and military cooperation with Russia"),
                new ReferenceStatusChange("sweden", PartnerStatus.BECAME_ALLY, LocalDate.of(2024, 3, 7),
                        "Sweden became a NATO member"));
    }
}
