package org.pfptracker.registry.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.pfptracker.registry.client.SchemaRegistryClient;

/**
 * A Kafka Streams serde for generated Avro classes in Confluent's wire format; a drop-in for
 * Confluent's {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}. It always reads into
 * generated classes ({@code specific.avro.reader} is forced on).
 *
 * <pre>{@code
 * SpecificAvroSerde<PartnerJoined> serde = new SpecificAvroSerde<>(sharedClient);
 * serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:8081"), false);
 * }</pre>
 *
 * @param <T> the generated class
 */
public final class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;

    /** For Kafka to instantiate by class name; each half creates its own registry client on configure. */
    public SpecificAvroSerde() {
        this(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
    }

    /**
     * Shares a client (and its caches) that the caller owns and closes. Ready at once with the
     * defaults, for values; {@link #configure} may change them.
     */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        this(new KafkaAvroSerializer(client), new KafkaAvroDeserializer(client));
        configure(Map.of(), false);
    }

    private SpecificAvroSerde(KafkaAvroSerializer serializer, KafkaAvroDeserializer deserializer) {
        this.serializer = new TypedSerializer<>(serializer);
        this.deserializer = new TypedDeserializer<>(deserializer);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(specific, isKey);
        deserializer.configure(specific, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
