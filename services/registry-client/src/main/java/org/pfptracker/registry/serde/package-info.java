/**
 * Avro serdes in Confluent's wire format, configured by Confluent's keys, so that an application can
 * use these or Confluent's by changing class names only. Start with
 * {@link org.pfptracker.registry.serde.KafkaAvroSerializer},
 * {@link org.pfptracker.registry.serde.KafkaAvroDeserializer},
 * {@link org.pfptracker.registry.serde.SpecificAvroSerde} and
 * {@link org.pfptracker.registry.serde.AvroSerdeConfig}.
 */
package org.pfptracker.registry.serde;
