package org.pfptracker.registry.serde;

import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;

/** Gives the untyped Avro serializer the type a serde promises; every call goes through. */
final class TypedSerializer<T> implements Serializer<T> {

    private final KafkaAvroSerializer delegate;

    TypedSerializer(KafkaAvroSerializer delegate) {
        this.delegate = delegate;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return delegate.serialize(topic, data);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
