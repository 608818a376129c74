package org.pfptracker.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pfptracker.gateway.command.CommandFixtures.EVENT_ID;
import static org.pfptracker.gateway.command.CommandFixtures.directoryWith;
import static org.pfptracker.gateway.command.CommandFixtures.request;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.gateway.partner.PartnerDirectory;

class PartnerCommandsTest {

    private static final Map<String, String> NO_PATH = Map.of();
    private static final Map<String, String> MALTA = Map.of("partnerId", "malta");
    private static final String MOLDOVA_JOINS = "{'partnerId': 'moldova', 'name': 'Republic of Moldova', "
            + "'framework': 'EURO_ATLANTIC_PARTNERSHIP', 'joinedOn': '1994-03-16'}";

    private final PartnerDirectory directory = directoryWith("malta");
    private final PartnerCommands partners = new PartnerCommands(directory);

    @Test
    void shouldMapAJoinToPartnerJoinedKeyedByTheNewPartner() {
        PartnerJoined event = (PartnerJoined) partners.join().toEvent(request(MOLDOVA_JOINS, NO_PATH));

        assertThat(event.getMetadata().getPartnerId()).isEqualTo("moldova");
        assertThat(event.getName()).isEqualTo("Republic of Moldova");
        assertThat(event.getFramework()).isEqualTo(Framework.EURO_ATLANTIC_PARTNERSHIP);
        assertThat(event.getJoinedOn()).isEqualTo(LocalDate.of(1994, 3, 16));
    }

    @Test
    void shouldListTheAllowedFrameworksAndNameAMalformedPartnerId() {
        List<Violation> violations = Violations.of(partners.join(), request(
                "{'partnerId': 'Republic of Moldova', 'name': 'Moldova', 'framework': 'NATO', 'joinedOn': '16.03.1994'}",
                NO_PATH));

        assertThat(violations).extracting(Violation::field).containsExactly("partnerId", "framework", "joinedOn");
        assertThat(violations.get(0).message()).contains("lower-case");
        assertThat(violations.get(1).message()).contains("EURO_ATLANTIC_PARTNERSHIP", "MEDITERRANEAN_DIALOGUE",
                "ISTANBUL_COOPERATION_INITIATIVE", "GLOBAL_PARTNER");
        assertThat(violations.get(2).message()).contains("YYYY-MM-DD");
    }

    @Test
    void shouldRefuseASecondJoinOfAKnownPartner() {
        String maltaJoins = "{'partnerId': 'malta', 'name': 'Malta', 'framework': 'EURO_ATLANTIC_PARTNERSHIP', "
                + "'joinedOn': '1995-04-26'}";

        assertThatThrownBy(() -> partners.join().toEvent(request(maltaJoins, NO_PATH)))
                .isInstanceOf(PartnerConflictException.class)
                .hasMessageContaining("'malta' has already joined");
    }

    @Test
    void shouldAcceptARetriedJoinThatCarriesTheEventIdOfTheJoinThatMadeThePartnerKnown() {
        // Given moldova became known through the event this request would produce (a retry after a restart)
        directory.learn(CommandFixtures.joined("moldova", EVENT_ID));

        // When / Then
        assertThat(partners.join().toEvent(request(MOLDOVA_JOINS, NO_PATH))).isInstanceOf(PartnerJoined.class);
    }

    @Test
    void shouldMapPrioritiesInTheClientsOrderAndThePace() {
        PrioritiesChosen event = (PrioritiesChosen) partners.choosePriorities().toEvent(request(
                "{'priorities': ['DISASTER_RESPONSE', 'DEFENCE_REFORM'], 'targetCompletedActivitiesPerYear': 12}", MALTA));

        assertThat(event.getPriorities())
                .containsExactly(AreaOfCooperation.DISASTER_RESPONSE, AreaOfCooperation.DEFENCE_REFORM);
        assertThat(event.getTargetCompletedActivitiesPerYear()).isEqualTo(12);
        assertThat(event.getMetadata().getPartnerId()).isEqualTo("malta");
    }

    @Test
    void shouldNameARepeatedOrUnknownPriorityByItsPositionAndAPaceThatIsNotANumber() {
        List<Violation> violations = Violations.of(partners.choosePriorities(), request(
                "{'priorities': ['DEFENCE_REFORM', 'TOURISM', 'DEFENCE_REFORM'], "
                        + "'targetCompletedActivitiesPerYear': 'ten'}", MALTA));

        assertThat(violations).extracting(Violation::field)
                .containsExactly("priorities[1]", "priorities[2]", "targetCompletedActivitiesPerYear");
        assertThat(violations.get(2).message()).contains("whole number from 1 to 1000");
    }

    @Test
    void shouldRefuseAPaceBelowOne() {
        assertThat(Violations.of(partners.choosePriorities(), request(
                "{'priorities': ['DEFENCE_REFORM'], 'targetCompletedActivitiesPerYear': 0}", MALTA)))
                .extracting(Violation::field).containsExactly("targetCompletedActivitiesPerYear");
    }

    @Test
    void shouldMapAStatusChangeWithAnOptionalReasonAndListTheAllowedStatuses() {
        PartnerStatusChanged event = (PartnerStatusChanged) partners.changeStatus().toEvent(
                request("{'status': 'ACTIVE', 'effectiveOn': '2008-04-03'}", MALTA));
        assertThat(event.getStatus()).isEqualTo(PartnerStatus.ACTIVE);
        assertThat(event.getReason()).isNull();

        assertThat(Violations.of(partners.changeStatus(),
                request("{'status': 'DORMANT', 'effectiveOn': '2008-04-03'}", MALTA)))
                .singleElement().satisfies(v -> assertThat(v.message())
                        .contains("[ACTIVE, SUSPENDED, BECAME_ALLY, WITHDRAWN]", "'DORMANT'"));
    }
}
