package org.pfptracker.registry.serde;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Gives the untyped Avro deserializer the type a serde promises. The cast is unchecked (erased): a
 * topic holding another type fails where the caller uses the value, as with Confluent's serdes.
 */
final class TypedDeserializer<T> implements Deserializer<T> {

    private final KafkaAvroDeserializer delegate;

    TypedDeserializer(KafkaAvroDeserializer delegate) {
        this.delegate = delegate;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        return (T) delegate.deserialize(topic, data);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
