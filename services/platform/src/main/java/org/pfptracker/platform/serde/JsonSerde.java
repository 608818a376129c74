package org.pfptracker.platform.serde;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for internal state (views in state stores and their changelogs), via Jackson.
 *
 * <p>Views are ours alone and change with the code; JSON that ignores unknown fields lets an older
 * instance read a newer instance's state during a rolling upgrade, with no registry round trip.
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    /** The mapper used for views everywhere, HTTP responses included, so both speak the same JSON. */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return MapperHolder.MAPPER.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("Cannot write " + type.getSimpleName() + " as JSON", e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return MapperHolder.MAPPER.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("Cannot read " + type.getSimpleName() + " from JSON", e);
            }
        };
    }

    /**
     * Reads ISO dates used as map keys (e.g. completions per day in a partner's state) without the
     * general-purpose formatter: state is read on every event, and the formatter dominated its cost.
     */
    private static final class DateKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (key.length() == 10 && key.charAt(4) == '-' && key.charAt(7) == '-') {
                try {
                    return LocalDate.of(Integer.parseInt(key, 0, 4, 10), Integer.parseInt(key, 5, 7, 10),
                            Integer.parseInt(key, 8, 10, 10));
                } catch (RuntimeException e) {
                    // fall through to the strict parser, which says what is wrong
                }
            }
            return LocalDate.parse(key);
        }
    }

    private static final class MapperHolder {
        private static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("pfp-date-keys").addKeyDeserializer(LocalDate.class, new DateKeys()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
