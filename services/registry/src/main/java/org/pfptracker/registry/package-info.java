/**
 * A schema registry server speaking Confluent's Schema Registry REST API, storing schemas in a
 * compacted Kafka topic: {@link org.pfptracker.registry.SchemaRegistryServer} to run one,
 * {@link org.pfptracker.registry.RegistryConfig} to configure it. Sub-packages: {@code http} (the
 * REST API), {@code store} (the schemas topic and what is read from it), {@code compatibility}
 * (schema identity and Avro compatibility rules).
 */
package org.pfptracker.registry;
