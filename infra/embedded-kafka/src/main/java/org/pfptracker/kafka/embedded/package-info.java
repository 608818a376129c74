/**
 * The local stack's Kafka: one KRaft node, controller and broker combined, run in-process from
 * Kafka's production server classes by {@link org.pfptracker.kafka.embedded.EmbeddedKafkaBroker},
 * configured by {@link org.pfptracker.kafka.embedded.EmbeddedKafkaConfig} over the defaults in
 * {@code broker-defaults.properties}. It runs PLAINTEXT, or secured (SASL_SSL, SCRAM-SHA-512, ACLs)
 * with {@link org.pfptracker.kafka.embedded.EmbeddedKafkaConfig#secured}; the security itself is
 * declared in {@link org.pfptracker.kafka.embedded.security}.
 *
 * <p>Kafka logs through SLF4J; the application embedding the node chooses the backend and should
 * set {@code org.apache.kafka}, {@code kafka} and {@code state.change.logger} to WARN unless it
 * wants every broker step.
 */
package org.pfptracker.kafka.embedded;
