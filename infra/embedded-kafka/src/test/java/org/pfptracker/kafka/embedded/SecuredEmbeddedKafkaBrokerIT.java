package org.pfptracker.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.kafka.embedded.security.AccessPolicy;
import org.pfptracker.kafka.embedded.security.AclReconciler;
import org.pfptracker.kafka.embedded.security.ClientSecurity;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;

@Tag("integration")
class SecuredEmbeddedKafkaBrokerIT {

    private static final String ACTIVITIES = "pfp.activities.v1";

    @TempDir
    Path dataDirectory;

    private EmbeddedKafkaConfig unsecured;

    @BeforeEach
    void chooseFreePorts() throws IOException {
        // Free ports, so that the test never meets a developer's Kafka on 9092.
        unsecured = EmbeddedKafkaConfig.inDirectory(dataDirectory)
                .withBrokerPort(freePort())
                .withControllerPort(freePort());
    }

    @Test
    void shouldKeepEveryPrincipalsPasswordAcrossARestartInAFileOnlyItsOwnerReads() throws Exception {
        // Given a secured node where the gateway wrote an event
        Path credentialsFile = dataDirectory.resolve(SecuredNode.CREDENTIALS_FILE);
        String firstCredentials;
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(unsecured.secured())) {
            String bootstrapServers = kafka.start();
            try (Admin admin = Admin.create(config(kafka, KafkaPrincipal.ADMIN))) {
                admin.createTopics(List.of(new NewTopic(ACTIVITIES, 1, (short) 1))).all().get();
            }
            write(kafka, KafkaPrincipal.GATEWAY, "activity-proposed");
            firstCredentials = Files.readString(credentialsFile);
            assertThat(bootstrapServers).isEqualTo(unsecured.bootstrapServers());
        }

        // When it starts again on the same directory
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(unsecured.secured())) {
            kafka.start();
            write(kafka, KafkaPrincipal.GATEWAY, "activity-approved");

            // Then the same passwords still log in, and only the owner can read them
            assertThat(Files.readString(credentialsFile)).isEqualTo(firstCredentials);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialsFile)))
                    .isEqualTo("rw-------");
            assertThat(valuesAsAdmin(kafka, 2)).containsExactly("activity-proposed", "activity-approved");
        }
    }

    @Test
    void shouldRefuseToSecureDataThatAnUnsecuredNodeMade() {
        // Given a data directory an unsecured node formatted
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(unsecured)) {
            kafka.start();
        }

        // When / Then a secured node refuses it, since its metadata has no SCRAM users
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(unsecured.secured())) {
            assertThatThrownBy(kafka::start)
                    .isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessageContaining("unsecured node")
                    .hasMessageContaining("new data directory");
            assertThat(kafka.isRunning()).isFalse();
        }
        assertThat(dataDirectory.resolve(SecuredNode.CREDENTIALS_FILE)).doesNotExist();
    }

    @Test
    void shouldTakeAwayTheGrantsThatAChangedPolicyNoLongerGives() throws Exception {
        // Given a secured node enforcing the standard policy
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(unsecured.secured());
             Admin admin = startAndConnectAsAdmin(kafka)) {
            AccessPolicy moved = AccessPolicy.standard().withTrackerApplicationId("pfp-tracker-v3");

            // When the tracker's application id changes
            AclReconciler.Changes changes = AclReconciler.apply(admin, moved, Duration.ofSeconds(30));

            // Then its grants follow the new id, and nothing else changed
            List<AclBinding> tracker = List.copyOf(admin.describeAcls(new AclBindingFilter(ResourcePatternFilter.ANY,
                    new AccessControlEntryFilter(KafkaPrincipal.TRACKER.principal(), null, AclOperation.ANY,
                            AclPermissionType.ANY))).values().get());
            assertThat(tracker).containsExactlyInAnyOrderElementsOf(moved.aclBindings(KafkaPrincipal.TRACKER));
            assertThat(changes.deleted()).isNotEmpty().allSatisfy(binding ->
                    assertThat(binding.pattern().name()).isEqualTo("pfp-tracker-v2"));
            assertThat(changes.created()).hasSameSizeAs(changes.deleted()).allSatisfy(binding ->
                    assertThat(binding.pattern().name()).isEqualTo("pfp-tracker-v3"));
        }
    }

    private static Admin startAndConnectAsAdmin(EmbeddedKafkaBroker kafka) {
        kafka.start();
        return Admin.create(config(kafka, KafkaPrincipal.ADMIN));
    }

    private static Map<String, Object> config(EmbeddedKafkaBroker kafka, KafkaPrincipal principal) {
        ClientSecurity security = kafka.clientSecurity();
        Map<String, Object> config = new HashMap<>(security.forPrincipal(principal));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return config;
    }

    private static void write(EmbeddedKafkaBroker kafka, KafkaPrincipal principal, String value) throws Exception {
        Map<String, Object> config = config(kafka, principal);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(ACTIVITIES, "ukraine", value)).get();
        }
    }

    private static List<String> valuesAsAdmin(EmbeddedKafkaBroker kafka, int expected) {
        Map<String, Object> config = config(kafka, KafkaPrincipal.ADMIN);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(ACTIVITIES, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= expected;
            });
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
