package org.pfptracker.registry.serde;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.SchemaRegistryClient;
import org.pfptracker.registry.client.SchemaRegistryException;

/**
 * Deserializes records in Confluent's wire format: reads the schema id from the header, fetches the
 * writer schema from the registry (once per id), and decodes the Avro body. A drop-in for Confluent's
 * {@code io.confluent.kafka.serializers.KafkaAvroDeserializer}, configured by the same keys (see
 * {@link AvroSerdeConfig}). {@code null} deserializes to {@code null}.
 *
 * <p>Records come out as {@link org.apache.avro.generic.GenericRecord}s, or with
 * {@code specific.avro.reader=true} as the generated class named by the writer schema, decoded
 * writer schema to the class's own schema so that data written with an older schema is read by a
 * newer class (missing fields take their defaults). Strings come out as {@link String}, bytes as
 * {@code byte[]}, other primitives as their boxed type. Thread-safe once configured.
 */
public final class KafkaAvroDeserializer implements Deserializer<Object> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean specificReader;
    private boolean configured;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For Kafka to instantiate by class name; {@link #configure} then creates the registry client. */
    public KafkaAvroDeserializer() {
    }

    /**
     * Uses a client the caller owns and shares (and closes); {@code schema.registry.url} is then
     * optional. Ready at once with the defaults, for a value; {@link #configure} may change them.
     */
    public KafkaAvroDeserializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
        configure(Map.of(), false);
    }

    /** Uses a shared client and configures at once, for code that builds deserializers by hand. */
    public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this(client);
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs, client != null && !ownsClient);
        if (client == null || ownsClient) {
            closeOwnedClient();
            // The whole map: the registry credentials are read with Confluent's keys, bare or prefixed.
            client = HttpSchemaRegistryClient.fromConfigs(configs);
            ownsClient = true;
        }
        this.specificReader = config.specificAvroReader();
        AvroTrustedPackages.trust(config.trustedPackages());
        readers.clear();
        configured = true;
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (!configured) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
        }
        int schemaId = ConfluentWireFormat.schemaId(data);
        Schema writerSchema = writerSchema(schemaId, topic);
        int bodyLength = data.length - ConfluentWireFormat.HEADER_SIZE;
        if (writerSchema.getType() == Schema.Type.BYTES) {
            return Arrays.copyOfRange(data, ConfluentWireFormat.HEADER_SIZE, data.length);
        }
        DatumReader<Object> reader = readers.computeIfAbsent(schemaId, id -> readerFor(writerSchema));
        Object value;
        try {
            value = reader.read(null, DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_SIZE, bodyLength, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode the Avro body of a record from topic '" + topic
                    + "' written with schema id " + schemaId + " (" + writerSchema.getFullName() + "): " + e.getMessage(), e);
        }
        return writerSchema.getType() == Schema.Type.STRING ? value.toString() : value;
    }

    @Override
    public void close() {
        closeOwnedClient();
    }

    private Schema writerSchema(int schemaId, String topic) {
        try {
            return client.avroSchemaById(schemaId);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Error fetching writer schema id " + schemaId + " of a record from topic '"
                    + topic + "': " + e.getMessage(), e);
        }
    }

    private DatumReader<Object> readerFor(Schema writerSchema) {
        if (specificReader && isNamed(writerSchema)) {
            Class<?> generated = generatedClass(writerSchema);
            SpecificData model = SpecificData.getForClass(generated);
            return new SpecificDatumReader<>(writerSchema, model.getSchema(generated), model);
        }
        return new GenericDatumReader<>(writerSchema, writerSchema, GenericData.get());
    }

    private static Class<?> generatedClass(Schema writerSchema) {
        Class<?> generated;
        try {
            generated = SpecificData.get().getClass(writerSchema);
        } catch (SecurityException e) {
            throw new SerializationException("Avro does not trust class " + writerSchema.getFullName()
                    + " (" + e.getMessage() + "): add its package to the serde setting "
                    + AvroSerdeConfig.AVRO_TRUSTED_PACKAGES + " or to the system property "
                    + "org.apache.avro.SERIALIZABLE_PACKAGES", e);
        }
        if (generated == null) {
            throw new SerializationException("Could not find class " + writerSchema.getFullName()
                    + " specified in the writer's schema whilst finding the reader's schema for a SpecificRecord;"
                    + " is the generated class on the classpath?");
        }
        return generated;
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private void closeOwnedClient() {
        if (ownsClient && client != null) {
            client.close();
            client = null;
            ownsClient = false;
        }
    }
}
