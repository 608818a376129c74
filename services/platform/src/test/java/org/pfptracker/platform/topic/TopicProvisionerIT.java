package org.pfptracker.platform.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.topic.TopicSpec.CleanupPolicy;

@WithKafka
class TopicProvisionerIT {

    private Admin admin;
    private TopicSpec events;

    @BeforeEach
    void connect(KafkaTestCluster kafka) {
        admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        events = new TopicSpec(UniqueNames.of("pfp.events"), 3, (short) 1, 1, CleanupPolicy.DELETE,
                Duration.ofDays(7), "test events");
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void shouldCreateAMissingTopicWithTheCatalogueConfiguration() throws Exception {
        // When
        ProvisioningReport report = new TopicProvisioner(admin).provision(List.of(events), TopicProvisioner.Mode.APPLY);

        // Then
        assertThat(report.created()).containsExactly(events.name());
        assertThat(admin.describeTopics(List.of(events.name())).allTopicNames().get().get(events.name())
                .partitions()).hasSize(3);
        assertThat(configOf(events.name(), "retention.ms")).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
    }

    @Test
    void shouldChangeNothingWhenAppliedTwice() {
        TopicProvisioner provisioner = new TopicProvisioner(admin);
        provisioner.provision(List.of(events), TopicProvisioner.Mode.APPLY);

        ProvisioningReport second = provisioner.provision(List.of(events), TopicProvisioner.Mode.APPLY);

        assertThat(second.created()).isEmpty();
        assertThat(second.updated()).isEmpty();
        assertThat(second.ok()).isTrue();
    }

    @Test
    void shouldCorrectDriftedConfigurationInApplyModeAndOnlyReportItInVerifyMode() throws Exception {
        // Given: someone shortened the retention by hand
        TopicProvisioner provisioner = new TopicProvisioner(admin);
        provisioner.provision(List.of(events), TopicProvisioner.Mode.APPLY);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, events.name());
        admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                new ConfigEntry("retention.ms", "60000"), AlterConfigOp.OpType.SET)))).all().get();
        // A config change reaches every broker's view shortly after it is acknowledged.
        await().atMost(Duration.ofSeconds(10)).until(() -> "60000".equals(configOf(events.name(), "retention.ms")));

        // When
        ProvisioningReport verified = provisioner.provision(List.of(events), TopicProvisioner.Mode.VERIFY);

        // Then
        assertThat(verified.ok()).isFalse();
        assertThat(verified.problems()).singleElement().asString().contains("retention.ms");
        assertThat(configOf(events.name(), "retention.ms")).isEqualTo("60000");

        // When
        ProvisioningReport applied = provisioner.provision(List.of(events), TopicProvisioner.Mode.APPLY);

        // Then
        assertThat(applied.updated()).singleElement().asString().contains("retention.ms");
        assertThat(configOf(events.name(), "retention.ms")).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
    }

    @Test
    void shouldReportAMissingTopicInVerifyModeWithoutCreatingIt() throws Exception {
        ProvisioningReport report = new TopicProvisioner(admin).provision(List.of(events), TopicProvisioner.Mode.VERIFY);

        assertThat(report.problems()).containsExactly(events.name() + ": missing");
        assertThat(admin.listTopics().names().get()).doesNotContain(events.name());
    }

    private String configOf(String topic, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
    }
}
