package org.pfptracker.testsupport.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.http.TestTokens;

@WithKafka
class TestSystemIT {

    @Test
    void shouldHandOutSettingsForTheClusterItsRegistryAndTheTokensWithTheTopicsInPlace(KafkaTestCluster kafka)
            throws Exception {
        // Given
        try (TestSystem system = TestSystem.start(kafka)) {

            // When
            Settings settings = system.settings("tracker.http.port", "0");

            // Then
            assertThat(settings.get(KafkaSettings.BOOTSTRAP_SERVERS)).isEqualTo(kafka.bootstrapServers());
            assertThat(settings.asMap()).containsEntry("tracker.http.port", "0")
                    .containsAllEntriesOf(TestTokens.settings());
            try (Admin admin = kafka.admin()) {
                Set<String> topics = admin.listTopics().names().get();
                assertThat(topics).contains(Topics.PARTNERS, Topics.ACTIVITIES);
            }
            HttpResponse<String> subjects = ApiClient.at(system.registry().url().toString()).get("/subjects");
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(ApiClient.json(subjects).isArray()).isTrue();
            assertThat(TestSystem.environment(settings)).containsEntry("PFP_TRACKER_HTTP_PORT", "0");
        }
    }

    @Test
    void shouldShareOneRegistryPerClusterAcrossSystems(KafkaTestCluster kafka) {
        assertThat(TestSystem.shared(kafka).registry()).isSameAs(TestSystem.shared(kafka).registry());
    }
}
