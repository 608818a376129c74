package org.pfptracker.kafka.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a real KRaft Kafka cluster and injects a
 * {@link KafkaTestCluster} wherever a test constructor, test method or lifecycle method
 * ({@code @BeforeAll}, {@code @BeforeEach}, ...) declares a parameter of that type.
 *
 * <pre>{@code
 * @WithKafka(brokers = 3)
 * class PartnerProgressIT {
 *     @Test
 *     void shouldKeepProgressWhenABrokerStops(KafkaTestCluster kafka) {
 *         String topic = UniqueNames.of("partner-progress");
 *         kafka.createTopics(new NewTopic(topic, 3, (short) 3));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The cluster is started on first use and shared by every test class in the JVM that asks for
 * the same number of brokers; it is shut down when the JVM's test run ends. Test classes therefore
 * must not depend on a clean cluster: use {@link UniqueNames#of(String)} for topics, consumer
 * groups and Kafka Streams application ids. A test that stops brokers gets them back: after the
 * class (and each {@code @Nested} class) has run, every stopped broker is started again.
 *
 * <p>Clusters come from Kafka's KRaft test kit, in-process. Where Docker exists, system property
 * {@code pfp.test.kafka=testcontainers} (or environment variable
 * {@code PFP_TEST_KAFKA=testcontainers}) serves single-broker requests from an
 * {@code apache/kafka} container instead; requests for more than one broker always use the test
 * kit. See {@link KafkaTestCluster} for the broker settings shared by both.
 *
 * <p>{@code @WithKafka(secured = true)} asks for a cluster that runs as pfp-tracker's secured
 * clusters do: SASL_SSL with SCRAM-SHA-512 on every listener, KRaft's {@code StandardAuthorizer},
 * and the ACLs of {@code AccessPolicy.standard()} applied. Clients connect as one of the
 * principals with {@link KafkaTestCluster#clientConfig(org.pfptracker.kafka.embedded.security.KafkaPrincipal)}.
 * Secured clusters always come from the test kit, and are shared like the others (a secured and a
 * PLAINTEXT cluster of the same size may run side by side).
 *
 * <p>The class is tagged {@code integration}; name it {@code *IT} so that it runs under
 * Failsafe in {@code mvn verify}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(KafkaClusterExtension.class)
@Tag("integration")
public @interface WithKafka {

    /**
     * Number of brokers. {@code 1} (the default) is a single combined controller+broker node;
     * more brokers run beside one separate controller, so brokers can be stopped and started
     * without touching the metadata quorum.
     */
    int brokers() default 1;

    /**
     * Whether clients must authenticate (SASL_SSL, SCRAM-SHA-512) and are held to the standard
     * access policy's ACLs.
     */
    boolean secured() default false;
}
