package org.pfptracker.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.embedded.EmbeddedKafkaBroker;
import org.pfptracker.kafka.embedded.EmbeddedKafkaConfig;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.reference.ReferencePartners;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.process.FreePorts;
import org.pfptracker.tracker.config.TrackerSettings;

/**
 * {@code pfp local --secure-kafka} without the terminal: the whole stack on a SASL_SSL broker with ACLs, each
 * part logging in as its own Kafka user. One stack serves the class, since starting it is most of the time.
 */
@Tag("integration")
class LocalStackSecuredIT {

    /**
     * Not the default: the tracker is granted on its application id, so it works only if the stack's access
     * policy names the id the tracker actually runs with.
     */
    private static final String TRACKER_APPLICATION_ID = "pfp-tracker-secured-it";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    private static LocalStack stack;

    @BeforeAll
    static void startASecuredStack() throws IOException {
        stack = LocalStack.start(layout(data), Settings.of(Map.of(
                LocalSettings.KAFKA_SECURED.key(), "true",
                TrackerSettings.APPLICATION_ID.key(), TRACKER_APPLICATION_ID)));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldApplyWhatTheStacksPublisherPublishesThroughTheSecuredBroker() throws Exception {
        // Given: the stack's publishing settings log in as the publisher
        assertThat(KafkaSettings.clientOverrides(stack.settings()))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        assertThat(KafkaSettings.clientOverrides(stack.settings()).get(SaslConfigs.SASL_JAAS_CONFIG))
                .contains("username=\"publisher\"");

        // When: the reference partners' join events are published with them
        try (EventPublisher publisher = EventPublisher.create(stack.settings())) {
            assertThat(ReferenceDataSeeder.seed(publisher)).isEqualTo(22);
        }

        // Then: the tracker, logged in as the tracker, applied them
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode ukraine = view("ukraine");
            assertThat(ukraine.at("/profile/name").asText()).isEqualTo("Ukraine");
            assertThat(ukraine.at("/profile/joinedOn").asText()).isEqualTo("1994-02-08");
        });
    }

    @Test
    void shouldRefuseTheReaderAWriteToAnEventTopicAndWriteNothing() throws Exception {
        // Given: the reader's settings as a user of another terminal gets them, and the activities as they are
        Settings reader = settingsFileOf(KafkaPrincipal.READER);
        Map<TopicPartition, Long> before = endOffsets(Topics.ACTIVITIES);

        // When: the reader, who may only read the tracker's results, writes to an event topic
        Throwable refusal = sendFailure(reader, Topics.ACTIVITIES);

        // Then: it is refused for want of WRITE on that topic, and the topic holds nothing more
        assertThat(refusal).isExactlyInstanceOf(TopicAuthorizationException.class);
        assertThat(((TopicAuthorizationException) refusal).unauthorizedTopics()).containsExactly(Topics.ACTIVITIES);
        assertThat(endOffsets(Topics.ACTIVITIES)).isEqualTo(before);
    }

    @Test
    void shouldLetACommandOfAnotherTerminalPublishWithThePublishersSettingsFile() throws Exception {
        // Given: what 'pfp publish --config .../publisher.properties' reads, and nothing else
        Settings publisherFile = settingsFileOf(KafkaPrincipal.PUBLISHER);

        // When
        PublishReceipt receipt;
        try (EventPublisher publisher = EventPublisher.create(publisherFile)) {
            receipt = publisher.publish(ReferenceDataSeeder.joined(ReferencePartners.of2014().get(0)))
                    .get(30, TimeUnit.SECONDS);
        }

        // Then: the broker took it from the publisher (TLS, login, ACL) and the registry knew its schema
        assertThat(receipt.topic()).isEqualTo(Topics.PARTNERS);
    }

    @Test
    void shouldWriteEachClientUsersSettingsReadableByItsOwnerAlone() throws IOException {
        KafkaClientFiles files = stack.kafkaClientFiles().orElseThrow();

        for (KafkaPrincipal user : KafkaClientFiles.USERS) {
            Path file = files.of(user);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
            Settings settings = settingsFileOf(user);
            assertThat(settings.get(KafkaSettings.BOOTSTRAP_SERVERS)).isEqualTo(stack.bootstrapServers());
            assertThat(settings.get(KafkaSettings.SCHEMA_REGISTRY_URL)).isEqualTo(stack.registryUrl());
            // The stack registered the schemas; its registry token may not, so commands must only look them up.
            assertThat(settings.get(EventSerdes.AUTO_REGISTER_SCHEMAS)).isFalse();
            assertThat(KafkaSettings.clientOverrides(settings).get(SaslConfigs.SASL_JAAS_CONFIG))
                    .contains("username=\"" + user.userName() + "\"");
        }
        // The broker's own password stays with the node.
        assertThat(files.of(KafkaPrincipal.BROKER)).doesNotExist();
        assertThat(files.trustStore()).exists();
    }

    @Test
    void shouldRefuseToSecureKafkaDataAnUnsecuredBrokerMadeAndStopWhatItStarted(@TempDir Path otherData)
            throws IOException {
        // Given: a data directory whose Kafka data an unsecured broker made
        LocalStack.Layout layout = layout(otherData);
        try (EmbeddedKafkaBroker unsecured = new EmbeddedKafkaBroker(EmbeddedKafkaConfig
                .inDirectory(layout.kafkaDirectory())
                .withBrokerPort(layout.kafkaPort())
                .withControllerPort(layout.controllerPort()))) {
            unsecured.start();
        }

        // When / Then: a secured stack says why it cannot use it
        Settings secured = Settings.of(Map.of(LocalSettings.KAFKA_SECURED.key(), "true"));
        assertThatThrownBy(() -> LocalStack.start(layout, secured))
                .isInstanceOf(UnsecuredKafkaDataException.class)
                .hasMessageContaining(layout.kafkaDirectory().toString())
                .hasMessageContaining("unsecured");
        // ... and what started before Kafka (the token issuer) is stopped again
        try (ServerSocket issuerPort = new ServerSocket()) {
            issuerPort.bind(new InetSocketAddress("127.0.0.1", layout.issuerPort()));
        }
    }

    private static Throwable sendFailure(Settings settings, String topic) throws InterruptedException {
        Map<String, Object> config = new HashMap<>(KafkaSettings.clientConfig(settings));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "ukraine", "written by the reader")).get(30, TimeUnit.SECONDS);
            throw new AssertionError("the reader's write to " + topic + " was accepted");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the reader's write to " + topic + " was neither accepted nor refused", e);
        }
    }

    /** Every partition's end offset, read as the administrator. */
    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = Admin.create(KafkaSettings.clientConfig(settingsFileOf(KafkaPrincipal.ADMIN)))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(partition ->
                    latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        }
    }

    /** A user's settings file, read as {@code pfp ... --config FILE} reads it, without this JVM's environment. */
    private static Settings settingsFileOf(KafkaPrincipal user) {
        return Settings.load(stack.kafkaClientFiles().orElseThrow().of(user), Map.of(), new Properties());
    }

    private static JsonNode view(String partnerId) throws Exception {
        HttpResponse<String> response = ApiClient.at(stack.trackerUrl())
                .withAuthorization("Bearer " + stack.tokens().orElseThrow().staff()).get("/api/v1/partners/" + partnerId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static LocalStack.Layout layout(Path directory) throws IOException {
        return new LocalStack.Layout(directory, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next());
    }
}
