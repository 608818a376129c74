/**
 * Avro serdes in Confluent's wire format, configured by Confluent's keys, so that an application can
 * use these or Confluent's by changing class names only. Start with
 * {@link org.pfptracker.registry.serde.KafkaAvroSerializer},
 * {@link org.pfptracker.registry.serde.KafkaAvroDeserializer},
 * {@link org.pfptracker.registry.serde.SpecificAvroSerde} and
 * {@link org.pfptracker.registry.serde.AvroSerdeConfig}. The registry credentials are configured with
 * Confluent's keys as well ({@code basic.auth.credentials.source}, {@code bearer.auth.credentials.source}
 * and the keys they need, bare or with the {@code schema.registry.} prefix); see
 * {@link org.pfptracker.registry.client.auth.RegistryAuthConfig}.
 */
package org.pfptracker.registry.serde;
