package org.pfptracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.RegisteredSchema;
import org.pfptracker.registry.client.SchemaNotFoundException;
import org.pfptracker.registry.client.SchemaRegistryClient;
import org.pfptracker.registry.client.VersionNotFoundException;

/**
 * The schemas topic as the registry's memory: across restarts, and shared by several instances;
 * deletions too.
 */
@WithKafka
class RegistryDurabilityIT {

    /** An ActivityProposed whose only field is a number: what a hostile user registered once. */
    private static final Schema RETIRED = new Schema.Parser().parse("{\"type\": \"record\", \"name\": "
            + "\"ActivityProposed\", \"namespace\": \"org.pfptracker.test\", \"fields\": [{\"name\": \"n\", \"type\": \"long\"}]}");
    private static final String OPTIONAL_FIELD = ", {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}";

    @Test
    void shouldServeTheSameIdsVersionsAndSettingsAfterARestart(KafkaTestCluster kafka) {
        // Given a registry holding two versions of a subject and a subject-level setting
        RegistryConfig config = config(kafka);
        int firstId;
        int secondId;
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(config)) {
            SchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url().toString());
            firstId = client.register("partners-value", record("PartnerJoined", ""));
            secondId = client.register("partners-value", record("PartnerJoined", OPTIONAL_FIELD));
            client.updateSubjectCompatibility("partners-value", CompatibilityLevel.FULL);
        }

        // When a new server starts on the same topic
        try (SchemaRegistryServer restarted = SchemaRegistryServer.start(config)) {
            SchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(restarted.url().toString());

            // Then it knows everything, and carries on numbering where the first left off
            assertThat(client.version("partners-value", 1).id()).isEqualTo(firstId);
            assertThat(client.latestVersion("partners-value")).extracting(RegisteredSchema::version, RegisteredSchema::id)
                    .containsExactly(2, secondId);
            assertThat(client.avroSchemaById(firstId)).isEqualTo(record("PartnerJoined", ""));
            assertThat(client.subjectCompatibility("partners-value")).contains(CompatibilityLevel.FULL);
            assertThat(client.register("activities-value", record("ActivityProposed", ""))).isEqualTo(secondId + 1);
        }
    }

    @Test
    void shouldMakeARegistrationOnOneInstanceVisibleOnTheOther(KafkaTestCluster kafka) {
        RegistryConfig config = config(kafka);
        try (SchemaRegistryServer first = SchemaRegistryServer.start(config);
                SchemaRegistryServer second = SchemaRegistryServer.start(config)) {
            SchemaRegistryClient viaFirst = HttpSchemaRegistryClient.forUrls(first.url().toString());
            SchemaRegistryClient viaSecond = HttpSchemaRegistryClient.forUrls(second.url().toString());

            // When a producer registers through the first instance
            int id = viaFirst.register("partners-value", record("PartnerJoined", ""));

            // Then a consumer asking the second one for the id finds it at once: a miss catches up first
            assertThat(viaSecond.avroSchemaById(id)).isEqualTo(record("PartnerJoined", ""));
            assertThat(viaSecond.lookup("partners-value", record("PartnerJoined", "")).id()).isEqualTo(id);
            // And listings, which do not wait, follow shortly
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(viaSecond.subjects()).contains("partners-value"));
            // And a setting made on the second applies to registrations through the first
            viaSecond.updateSubjectCompatibility("partners-value", CompatibilityLevel.NONE);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(viaFirst.subjectCompatibility("partners-value")).contains(CompatibilityLevel.NONE));
        }
    }

    @Test
    void shouldKeepASoftDeleteAcrossARestartAndShowItOnEveryInstance(KafkaTestCluster kafka) {
        // Given two instances, and a subject with a version that should never have been registered
        RegistryConfig config = config(kafka);
        int retiredId;
        try (SchemaRegistryServer first = SchemaRegistryServer.start(config);
                SchemaRegistryServer second = SchemaRegistryServer.start(config)) {
            SchemaRegistryClient viaFirst = HttpSchemaRegistryClient.forUrls(first.url().toString());
            SchemaRegistryClient viaSecond = HttpSchemaRegistryClient.forUrls(second.url().toString());
            viaFirst.updateSubjectCompatibility("activities-value", CompatibilityLevel.NONE);
            viaFirst.register("activities-value", record("ActivityProposed", ""));
            retiredId = viaFirst.register("activities-value", RETIRED);
            viaFirst.updateSubjectCompatibility("activities-value", CompatibilityLevel.BACKWARD_TRANSITIVE);

            // When it is soft-deleted through the first
            assertThat(viaFirst.deleteSubjectVersion("activities-value", 2, false)).isEqualTo(2);

            // Then the second stops listing it and stops checking against it
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(viaSecond.versions("activities-value")).containsExactly(1));
            assertThat(viaSecond.register("activities-value", record("ActivityProposed", OPTIONAL_FIELD))).isPositive();
        }

        // When a new server starts on the same topic
        try (SchemaRegistryServer restarted = SchemaRegistryServer.start(config)) {
            SchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(restarted.url().toString());

            // Then the version is still retired, numbering went on past it, and its id still resolves
            assertThat(client.versions("activities-value")).containsExactly(1, 3);
            assertThat(client.avroSchemaById(retiredId)).isEqualTo(RETIRED);
            assertThatThrownBy(() -> client.version("activities-value", 2)).isInstanceOf(VersionNotFoundException.class);
        }
    }

    @Test
    void shouldNotHandOutAPermanentlyDeletedIdAgainAfterARestart(KafkaTestCluster kafka) {
        // Given the newest schema deleted for good
        RegistryConfig config = config(kafka);
        int deletedId;
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(config)) {
            SchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(registry.url().toString());
            client.register("partners-value", record("PartnerJoined", ""));
            deletedId = client.register("exercises-value", record("ExerciseScheduled", ""));
            client.deleteSubject("exercises-value", false);
            client.deleteSubject("exercises-value", true);
        }

        // When a new server starts on the same topic and a new schema is registered
        try (SchemaRegistryServer restarted = SchemaRegistryServer.start(config)) {
            SchemaRegistryClient client = HttpSchemaRegistryClient.forUrls(restarted.url().toString());

            // Then the deleted id is gone, and not given to the new schema
            assertThatThrownBy(() -> client.schemaById(deletedId)).isInstanceOf(SchemaNotFoundException.class);
            assertThat(client.register("activities-value", record("ActivityProposed", ""))).isEqualTo(deletedId + 1);
        }
    }

    @Test
    void shouldNeverGiveTwoSchemasTheSameIdOrVersionWhenTwoInstancesRegisterConcurrently(KafkaTestCluster kafka)
            throws Exception {
        // Given two instances on one topic, and a shared subject that accepts any change
        RegistryConfig config = config(kafka);
        try (SchemaRegistryServer first = SchemaRegistryServer.start(config);
                SchemaRegistryServer second = SchemaRegistryServer.start(config)) {
            List<String> urls = List.of(first.url().toString(), second.url().toString());
            List<SchemaRegistryClient> clients = urls.stream().<SchemaRegistryClient>map(HttpSchemaRegistryClient::forUrls).toList();
            clients.get(0).updateSubjectCompatibility("shared-value", CompatibilityLevel.NONE);

            // When four writers, two per instance, each register different schemas at the same time,
            // half under subjects of their own and half under the shared subject
            int perWriter = 6;
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<Map<Schema, Integer>>> results = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                SchemaRegistryClient client = clients.get(writer % 2);
                int writerId = writer;
                results.add(writers.submit((Callable<Map<Schema, Integer>>) () -> {
                    Map<Schema, Integer> ids = new HashMap<>();
                    for (int i = 0; i < perWriter; i++) {
                        Schema schema = record("Event" + writerId + "x" + i, "");
                        String subject = i % 2 == 0 ? "shared-value" : "writer-" + writerId + "-" + i + "-value";
                        ids.put(schema, client.register(subject, schema));
                    }
                    return ids;
                }));
            }
            Map<Schema, Integer> idBySchema = new HashMap<>();
            for (Future<Map<Schema, Integer>> result : results) {
                idBySchema.putAll(result.get(2, TimeUnit.MINUTES));
            }
            writers.shutdown();

            // Then every schema has an id of its own, and both instances agree on what each id means
            assertThat(idBySchema).hasSize(4 * perWriter);
            assertThat(new HashSet<>(idBySchema.values())).hasSize(4 * perWriter);
            for (String url : urls) {
                SchemaRegistryClient uncached = HttpSchemaRegistryClient.forUrls(url);
                idBySchema.forEach((schema, id) -> assertThat(uncached.avroSchemaById(id)).isEqualTo(schema));
            }
            // And the shared subject numbered its versions 1..n without a gap or a repeat, on both
            int shared = 4 * perWriter / 2;
            for (SchemaRegistryClient client : clients) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(client.versions("shared-value"))
                        .containsExactlyElementsOf(range(1, shared)));
            }
            List<Integer> sharedIds = range(1, shared).stream()
                    .map(version -> clients.get(1).version("shared-value", version).id())
                    .toList();
            assertThat(new HashSet<>(sharedIds)).hasSize(shared);
        }
    }

    @Test
    void shouldCreateItsTopicWithOnePartitionCompacted(KafkaTestCluster kafka) throws Exception {
        // Given a registry started on a topic that did not exist, and stopped: the topic stays
        RegistryConfig config = config(kafka);
        SchemaRegistryServer.start(config).close();

        try (Admin admin = kafka.admin()) {
            TopicDescription topic = admin.describeTopics(List.of(config.topic())).allTopicNames().get().get(config.topic());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, config.topic());
            String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();

            assertThat(topic.partitions()).hasSize(1);
            assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void shouldRefuseToStartOnATopicThatWouldDeleteSchemas(KafkaTestCluster kafka) {
        // Given a topic of that name made with the default retention
        RegistryConfig config = config(kafka);
        kafka.createTopics(new NewTopic(config.topic(), 1, (short) 1));

        // When / Then
        assertThatThrownBy(() -> SchemaRegistryServer.start(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(config.topic())
                .hasMessageContaining("cleanup.policy=delete")
                .hasMessageContaining("must be exactly 'compact'");
    }

    @Test
    void shouldRefuseToStartOnATopicWithSeveralPartitions(KafkaTestCluster kafka) {
        RegistryConfig config = config(kafka);
        kafka.createTopics(new NewTopic(config.topic(), 3, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));

        assertThatThrownBy(() -> SchemaRegistryServer.start(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 3 partitions; it must have exactly 1");
    }

    private static RegistryConfig config(KafkaTestCluster kafka) {
        return RegistryConfig.forBootstrapServers(kafka.bootstrapServers())
                .withPort(0)
                .withTopic(UniqueNames.of("schemas"));
    }

    private static Schema record(String name, String extraFields) {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"" + name + "\", \"namespace\": "
                + "\"org.pfptracker.test\", \"fields\": [{\"name\": \"partnerId\", \"type\": \"string\"}" + extraFields + "]}");
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
