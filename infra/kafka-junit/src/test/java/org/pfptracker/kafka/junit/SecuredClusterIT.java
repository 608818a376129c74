package org.pfptracker.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pfptracker.kafka.embedded.security.AccessPolicy;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;

/**
 * The standard access policy on a real secured cluster. The cluster is shared with every other
 * secured test class of the JVM and its topics carry the policy's real names, so each test writes
 * under a key of its own and looks only for that key.
 */
@WithKafka(secured = true)
class SecuredClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTestCluster kafka;
    private final AccessPolicy policy;
    private final String activities;

    SecuredClusterIT(KafkaTestCluster kafka) {
        this.kafka = kafka;
        this.policy = kafka.accessPolicy();
        this.activities = policy.eventTopics().get(1);
    }

    @BeforeAll
    static void createTheEventTopics(KafkaTestCluster kafka) throws Exception {
        // As the admin, as the local stack's set-up does; another class may have made them already.
        try (Admin admin = kafka.admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = kafka.accessPolicy().eventTopics().stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, 1, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                kafka.createTopics(missing);
            }
        }
    }

    @Test
    void shouldRefuseTheReaderAWriteToAnEventTopicAndStoreNothing() {
        // Given
        String key = uniqueKey();

        // When the reader, who may only read the tracker's output, writes an event
        Throwable refusal = sendFailure(KafkaPrincipal.READER, activities, key);

        // Then it is refused for want of WRITE on the topic, and nothing was stored
        assertThat(refusal).isExactlyInstanceOf(TopicAuthorizationException.class);
        assertThat(((TopicAuthorizationException) refusal).unauthorizedTopics()).containsExactly(activities);
        assertThat(valuesUnder(activities, key)).isEmpty();
    }

    @Test
    void shouldLetTheGatewayWriteAnEventThatTheAdminReadsBack() throws Exception {
        // Given
        String key = uniqueKey();

        // When
        send(KafkaPrincipal.GATEWAY, activities, key, "activity-proposed");

        // Then
        assertThat(valuesUnder(activities, key)).containsExactly("activity-proposed");
    }

    @Test
    void shouldLetTheTrackerReadTheEventTopicsInItsOwnGroup() throws Exception {
        // Given an event on each event topic, under one key
        String key = uniqueKey();
        for (String topic : policy.eventTopics()) {
            send(KafkaPrincipal.PUBLISHER, topic, key, "event-on-" + topic);
        }
        Map<String, Object> config = consumerConfig(KafkaPrincipal.TRACKER);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, policy.trackerApplicationId());

        // When the tracker reads them in its group and commits its position
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> tracker = new KafkaConsumer<>(config)) {
            tracker.subscribe(policy.eventTopics());
            await().atMost(WAIT).until(() -> {
                tracker.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        read.add(record);
                    }
                });
                return read.size() == policy.eventTopics().size();
            });
            tracker.commitSync();
        }

        // Then it read every one of them
        assertThat(read).extracting(ConsumerRecord::topic).containsExactlyInAnyOrderElementsOf(policy.eventTopics());
    }

    @Test
    void shouldRefuseTheTrackerAGroupThatIsNotItsOwn() {
        // Given
        Map<String, Object> config = consumerConfig(KafkaPrincipal.TRACKER);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("not-the-tracker"));

        // When / Then
        try (KafkaConsumer<String, String> tracker = new KafkaConsumer<>(config)) {
            tracker.subscribe(policy.eventTopics());
            assertThatThrownBy(() -> tracker.poll(WAIT)).isExactlyInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void shouldRefuseTheTrackerAWriteToAnEventTopic() {
        // Given
        String key = uniqueKey();

        // When the tracker, which may write only its own output, writes an event
        Throwable refusal = sendFailure(KafkaPrincipal.TRACKER, activities, key);

        // Then
        assertThat(refusal).isExactlyInstanceOf(TopicAuthorizationException.class);
        assertThat(valuesUnder(activities, key)).isEmpty();
    }

    @Test
    void shouldRefuseAClientWithAWrongPassword() {
        // Given the gateway's user name with a password of another principal
        Map<String, Object> config = kafka.clientConfig(KafkaPrincipal.GATEWAY);
        config.putAll(kafka.clientSecurity().forUser(KafkaPrincipal.GATEWAY.userName(),
                kafka.clientSecurity().credentials().password(KafkaPrincipal.READER)));

        // When / Then
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get())
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isExactlyInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void shouldGiveAPlaintextClientNoAnswer() {
        // Given a client without TLS or SASL, which the broker's TLS listener hangs up on
        Map<String, Object> config = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);

        // When / Then
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get())
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(TimeoutException.class);
        }
    }

    private void send(KafkaPrincipal principal, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer(principal)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** What refused {@code principal}'s write, however the producer reported it. */
    private Throwable sendFailure(KafkaPrincipal principal, String topic, String key) {
        try (KafkaProducer<String, String> producer = producer(principal)) {
            producer.send(new ProducerRecord<>(topic, key, "should-not-be-stored")).get();
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (RuntimeException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError(principal + " wrote to " + topic);
    }

    private KafkaProducer<String, String> producer(KafkaPrincipal principal) {
        Map<String, Object> config = kafka.clientConfig(principal);
        // As the services publish: every replica has it, idempotent (Kafka's default).
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, WAIT.toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private Map<String, Object> consumerConfig(KafkaPrincipal principal) {
        Map<String, Object> config = kafka.clientConfig(principal);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }

    /**
     * The committed values under {@code key}, read as the admin from the beginning of the topic to
     * the end it has now: a record written before this call would be among them.
     */
    private List<String> valuesUnder(String topic, String key) {
        Map<String, Object> config = consumerConfig(KafkaPrincipal.ADMIN);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> admin = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = admin.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            admin.assign(partitions);
            admin.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = admin.endOffsets(partitions);
            await().atMost(WAIT).until(() -> {
                admin.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                });
                return partitions.stream().allMatch(partition -> admin.position(partition) >= end.get(partition));
            });
        }
        return values;
    }

    private static String uniqueKey() {
        return "partner-" + UUID.randomUUID();
    }
}
