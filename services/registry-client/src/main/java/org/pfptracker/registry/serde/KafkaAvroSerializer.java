package org.pfptracker.registry.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.SchemaRegistryClient;
import org.pfptracker.registry.client.SchemaRegistryException;

/**
 * Serializes Avro records (generated or generic) and Java primitives in Confluent's wire format:
 * magic byte 0, the schema's 4-byte registry id, the Avro binary body. A drop-in for Confluent's
 * {@code io.confluent.kafka.serializers.KafkaAvroSerializer}: same configuration keys (see
 * {@link AvroSerdeConfig}), same bytes. {@code null} serializes to {@code null}, so tombstones stay
 * tombstones.
 *
 * <p>Per record: the subject is named by the configured strategy; with {@code auto.register.schemas}
 * (default) the record's schema is registered under it; otherwise, with {@code use.latest.version},
 * the subject's latest schema is used, else the record's schema is looked up. Ids are cached by the client,
 * so the registry is asked once per schema. Thread-safe once configured.
 */
public final class KafkaAvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean isKey;
    private SubjectNameStrategy subjectNames;
    private boolean autoRegister;
    private boolean useLatestVersion;
    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<String, LatestSchema> latestBySubject = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idBySubjectAndSchema = new ConcurrentHashMap<>();

    /** For Kafka to instantiate by class name; {@link #configure} then creates the registry client. */
    public KafkaAvroSerializer() {
    }

    /**
     * Uses a client the caller owns and shares (and closes); {@code schema.registry.url} is then
     * optional. Ready at once with the defaults, for a value; {@link #configure} may change them.
     */
    public KafkaAvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
        configure(Map.of(), false);
    }

    /** Uses a shared client and configures at once, for code that builds serializers by hand. */
    public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
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
        this.isKey = isKey;
        this.subjectNames = config.subjectNameStrategy(isKey);
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
        AvroTrustedPackages.trust(config.trustedPackages());
        latestBySubject.clear();
        idBySubjectAndSchema.clear();
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (subjectNames == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        Schema schema = AvroData.schemaOf(data);
        String subject = subjectNames.subjectName(topic, isKey, schema);
        // Confluent's order: registering wins; the latest version is used only when not registering.
        if (!autoRegister && useLatestVersion) {
            LatestSchema latest = latestSchema(subject);
            Object datum = latest.schema().equals(schema) ? data : convert(data, schema, latest, subject);
            return frame(latest.id(), datum, latest.schema());
        }
        return frame(schemaId(subject, schema), data, schema);
    }

    @Override
    public void close() {
        closeOwnedClient();
    }

    private int schemaId(String subject, Schema schema) {
        // Per record, the id comes from this map: a generated class's schema is one instance, whose
        // equals and (cached) hashCode are cheap, where the client's key is the schema's full JSON.
        Integer known = idBySubjectAndSchema.get(new SubjectSchema(subject, schema));
        if (known != null) {
            return known;
        }
        int id = fetchSchemaId(subject, schema);
        idBySubjectAndSchema.putIfAbsent(new SubjectSchema(subject, schema), id);
        return id;
    }

    /** A subject and a schema object, as the key of the per-serializer id cache. */
    private record SubjectSchema(String subject, Schema schema) {
    }

    private int fetchSchemaId(String subject, Schema schema) {
        try {
            return autoRegister ? client.register(subject, schema) : client.lookup(subject, schema).id();
        } catch (SchemaRegistryException e) {
            throw new SerializationException((autoRegister ? "Error registering" : "Error looking up")
                    + " Avro schema " + schema.getFullName() + " under subject '" + subject + "': " + e.getMessage(), e);
        }
    }

    /**
     * Confluent's serializer caches the latest schema for the life of the serializer unless told
     * otherwise; so do we: a producer keeps writing the version it started with.
     */
    private LatestSchema latestSchema(String subject) {
        LatestSchema known = latestBySubject.get(subject);
        if (known != null) {
            return known;
        }
        try {
            int id = client.latestVersion(subject).id();
            LatestSchema latest = new LatestSchema(id, client.avroSchemaById(id));
            latestBySubject.putIfAbsent(subject, latest);
            return latest;
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Error fetching the latest schema of subject '" + subject + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * Re-expresses a datum in the subject's latest schema through Avro's own schema resolution:
     * encode with the datum's schema, decode with the latest as reader. Fields the latest schema adds
     * take their defaults; a latest schema that cannot read the datum is refused before any of it.
     */
    private Object convert(Object data, Schema schema, LatestSchema latest, String subject) {
        SchemaCompatibility.SchemaPairCompatibility verdict =
                SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
        if (verdict.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("The latest schema (id " + latest.id() + ") of subject '" + subject
                    + "' cannot represent a " + schema.getFullName() + " written with the record's own schema: "
                    + verdict.getDescription());
        }
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(body, null);
            writer(data, schema).write(data, encoder);
            encoder.flush();
            return new GenericDatumReader<>(schema, latest.schema(), GenericData.get())
                    .read(null, DecoderFactory.get().binaryDecoder(body.toByteArray(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot convert a " + schema.getFullName()
                    + " to the latest schema of subject '" + subject + "'", e);
        }
    }

    private byte[] frame(int schemaId, Object datum, Schema schema) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ConfluentWireFormat.header(schemaId));
        if (schema.getType() == Schema.Type.BYTES) {
            out.writeBytes(AvroData.rawBytes(datum));
            return out.toByteArray();
        }
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer(datum, schema).write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode a " + schema.getFullName() + " as Avro", e);
        }
        return out.toByteArray();
    }

    /**
     * Generated classes are written through their own model ({@code MODEL$}), which carries the
     * conversions of their logical types (a date as LocalDate, a timestamp as Instant).
     */
    private DatumWriter<Object> writer(Object datum, Schema schema) {
        boolean specific = datum instanceof SpecificRecord || datum instanceof Enum<?>;
        WriterKey key = new WriterKey(schema, specific ? datum.getClass() : null);
        return writers.computeIfAbsent(key, k -> specific
                ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(datum.getClass()))
                : new GenericDatumWriter<>(schema, GenericData.get()));
    }

    private void closeOwnedClient() {
        if (ownsClient && client != null) {
            client.close();
            client = null;
            ownsClient = false;
        }
    }

    private record WriterKey(Schema schema, Class<?> specificClass) {
    }

    private record LatestSchema(int id, Schema schema) {
    }
}
