package org.pfptracker.registry.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.pfptracker.registry.client.SchemaRegistryClient;

/**
 * A Kafka Streams serde for {@link GenericRecord}s in Confluent's wire format; a drop-in for
 * Confluent's {@code io.confluent.kafka.streams.serdes.avro.GenericAvroSerde}. It always reads generic
 * records ({@code specific.avro.reader} is forced off).
 */
public final class GenericAvroSerde implements Serde<GenericRecord> {

    private final Serializer<GenericRecord> serializer;
    private final Deserializer<GenericRecord> deserializer;

    /** For Kafka to instantiate by class name; each half creates its own registry client on configure. */
    public GenericAvroSerde() {
        this(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
    }

    /**
     * Shares a client (and its caches) that the caller owns and closes. Ready at once with the
     * defaults, for values; {@link #configure} may change them.
     */
    public GenericAvroSerde(SchemaRegistryClient client) {
        this(new KafkaAvroSerializer(client), new KafkaAvroDeserializer(client));
        configure(Map.of(), false);
    }

    private GenericAvroSerde(KafkaAvroSerializer serializer, KafkaAvroDeserializer deserializer) {
        this.serializer = new TypedSerializer<>(serializer);
        this.deserializer = new TypedDeserializer<>(deserializer);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> generic = new HashMap<>(configs);
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        serializer.configure(generic, isKey);
        deserializer.configure(generic, isKey);
    }

    @Override
    public Serializer<GenericRecord> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<GenericRecord> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
