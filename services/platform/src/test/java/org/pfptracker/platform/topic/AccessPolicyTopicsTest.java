package org.pfptracker.platform.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.embedded.security.AccessPolicy;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.EventCatalogue.EventType;
import org.pfptracker.registry.RegistryConfig;

/**
 * The Kafka access policy (infra/embedded-kafka) grants on the topics of this catalogue. Infra cannot depend
 * on platform, so the policy spells the names again; these tests hold the two together, so that a renamed or
 * added topic cannot leave a secured cluster refusing the service that needs it.
 */
class AccessPolicyTopicsTest {

    private final AccessPolicy policy = AccessPolicy.standard();

    @Test
    void shouldGrantWritesOnExactlyTheTopicsEventsArePublishedTo() {
        List<String> eventTopics = EventCatalogue.ALL.stream().map(EventType::topic).distinct().toList();

        assertThat(policy.eventTopics()).containsExactlyInAnyOrderElementsOf(eventTopics);
    }

    @Test
    void shouldLetTheGatewayReadThePartnersTopicOfTheCatalogue() {
        assertThat(policy.partnersTopic()).isEqualTo(Topics.PARTNERS);
    }

    @Test
    void shouldLetTheTrackerWriteExactlyItsOutputTopicsAndReadBackTheViews() {
        assertThat(policy.trackerOutputTopics())
                .containsExactlyInAnyOrder(Topics.PARTNER_VIEWS, Topics.PARTNER_SIGNALS);
        assertThat(policy.viewsTopic()).isEqualTo(Topics.PARTNER_VIEWS);
    }

    @Test
    void shouldLetTheTrackerWriteTheDeadLetterTopicOfTheCatalogue() {
        assertThat(policy.deadLetterTopics()).containsExactly(Topics.TRACKER_DEAD_LETTERS);
    }

    @Test
    void shouldGrantOnEveryTopicOfTheCatalogueUnderExactlyOneKind() {
        // A topic added to the catalogue needs a decision about who may use it.
        List<String> granted = new ArrayList<>(policy.eventTopics());
        granted.addAll(policy.trackerOutputTopics());
        granted.addAll(policy.deadLetterTopics());

        List<String> catalogue = Topics.catalogue(Settings.of(Map.of())).stream().map(TopicSpec::name).toList();

        assertThat(granted).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(catalogue);
    }

    @Test
    void shouldLetTheRegistryOwnTheTopicItUsesByDefault() {
        assertThat(policy.schemasTopic()).isEqualTo(RegistryConfig.DEFAULT_TOPIC);
    }
}
