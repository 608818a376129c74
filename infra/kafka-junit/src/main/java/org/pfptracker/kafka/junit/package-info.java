/**
 * Real KRaft Kafka clusters for JUnit Jupiter tests.
 *
 * <p>Depend on this module with test scope:
 * <pre>{@code
 * <dependency>
 *   <groupId>org.pfptracker</groupId>
 *   <artifactId>pfp-kafka-junit</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 * then annotate an {@code *IT} class with {@link org.pfptracker.kafka.junit.WithKafka} and declare
 * a {@link org.pfptracker.kafka.junit.KafkaTestCluster} parameter where the test needs the
 * cluster. Name what tests create with {@link org.pfptracker.kafka.junit.UniqueNames}.
 * {@code @WithKafka(secured = true)} gives a cluster that requires SASL_SSL with SCRAM-SHA-512 and
 * enforces pfp-tracker's access policy; connect as one of its users with
 * {@code KafkaTestCluster.clientConfig(KafkaPrincipal)}.
 *
 * <p>Logging: the brokers log through SLF4J to Log4j 2, which this module brings. It ships no
 * Log4j configuration, so each module using it brings its own {@code src/test/resources/log4j2-test.xml}
 * (with {@code org.apache.kafka}, {@code kafka} and {@code state.change.logger} at WARN); without
 * one, the Kafka test kit's own {@code log4j2.yaml} logs every broker step at INFO.
 */
package org.pfptracker.kafka.junit;
