package org.pfptracker.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pfptracker.registry.client.RegistryAuthenticationException;
import org.pfptracker.registry.client.RegistryAuthorizationException;
import org.pfptracker.registry.support.FakeRegistry;
import org.pfptracker.registry.support.FakeRegistry.Role;
import org.pfptracker.registry.support.ScriptedHttpServer;
import org.pfptracker.registry.support.ScriptedHttpServer.Answer;
import org.pfptracker.registry.support.ScriptedHttpServer.Request;

/**
 * The serdes configured as Kafka configures them, from a producer's or consumer's map with
 * Confluent's keys, against a registry that asks every call for credentials and every write for the
 * admin role: the same map would configure Confluent's serdes.
 */
class SerdeAuthenticationTest {

    private static final Schema EXERCISE_HELD = new Schema.Parser().parse("""
            {"type": "record", "name": "ExerciseHeld", "namespace": "org.pfptracker.registry.serde.testdata",
             "fields": [{"name": "exercise", "type": "string"}, {"name": "participants", "type": "int"}]}""");

    private static final String ADMIN_TOKEN = "admin-token-secret";
    private static final String READER_TOKEN = "reader-token-secret";

    private final ScriptedHttpServer registry = ScriptedHttpServer.start(new FakeRegistry(Map.of(
            basic("pfp-admin:admin-secret"), Role.ADMIN,
            "Bearer " + ADMIN_TOKEN, Role.ADMIN,
            "Bearer " + READER_TOKEN, Role.READER)));

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
            "basic.auth.credentials.source,                 basic.auth.user.info",
            "schema.registry.basic.auth.credentials.source, schema.registry.basic.auth.user.info"
    })
    void shouldRoundTripWithUserInfoCredentialsFromTheClientsConfiguration(String sourceKey, String userInfoKey) {
        // Given a producer's and a consumer's configuration with Confluent's USER_INFO keys
        Map<String, Object> configs = withRegistryUrl(Map.of(sourceKey, "USER_INFO", userInfoKey, "pfp-admin:admin-secret"));

        // When a record is serialized and read back
        GenericRecord read = roundTrip(configs, configs);

        // Then it came back, and every call to the registry carried the Basic credentials
        assertThat(read).isEqualTo(exerciseHeld());
        assertThat(registry.requests()).extracting(Request::authorization).hasSize(2)
                .containsOnly(basic("pfp-admin:admin-secret"));
    }

    @Test
    void shouldRoundTripWithAStaticBearerToken() {
        Map<String, Object> producer = withRegistryUrl(Map.of("bearer.auth.credentials.source", "STATIC_TOKEN",
                "bearer.auth.token", ADMIN_TOKEN));
        Map<String, Object> consumer = withRegistryUrl(Map.of("schema.registry.bearer.auth.credentials.source", "STATIC_TOKEN",
                "schema.registry.bearer.auth.token", READER_TOKEN));

        GenericRecord read = roundTrip(producer, consumer);

        assertThat(read).isEqualTo(exerciseHeld());
        assertThat(registry.requests()).extracting(Request::authorization)
                .containsExactly("Bearer " + ADMIN_TOKEN, "Bearer " + READER_TOKEN);
    }

    @Test
    void shouldRoundTripWithTheUserInfoOfTheRegistryUrl() {
        Map<String, Object> configs = Map.of("basic.auth.credentials.source", "URL",
                "schema.registry.url", registry.url().replace("http://", "http://pfp-admin:admin-secret@"));

        GenericRecord read = roundTrip(configs, configs);

        assertThat(read).isEqualTo(exerciseHeld());
        assertThat(registry.requests()).extracting(Request::authorization).containsOnly(basic("pfp-admin:admin-secret"));
    }

    @Test
    void shouldRoundTripWithCredentialsInheritedFromTheKafkaClientsScramLogin() {
        Map<String, Object> configs = withRegistryUrl(Map.of("basic.auth.credentials.source", "SASL_INHERIT",
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"pfp-admin\" password=\"admin-secret\";"));

        assertThat(roundTrip(configs, configs)).isEqualTo(exerciseHeld());
        assertThat(registry.requests()).extracting(Request::authorization).containsOnly(basic("pfp-admin:admin-secret"));
    }

    @Test
    void shouldRoundTripWithOAuthClientCredentials() {
        // Given a token endpoint that issues the admin token to the publisher's client credentials
        AtomicInteger issued = new AtomicInteger();
        try (ScriptedHttpServer tokenEndpoint = ScriptedHttpServer.start(request -> {
            issued.incrementAndGet();
            return basic("pfp-publisher:client-secret").equals(request.authorization())
                    ? Answer.json(200, "{\"access_token\":\"" + ADMIN_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                    : Answer.json(401, "{\"error\":\"invalid_client\"}");
        })) {
            Map<String, Object> configs = withRegistryUrl(Map.of(
                    "bearer.auth.credentials.source", "OAUTHBEARER",
                    "bearer.auth.issuer.endpoint.url", tokenEndpoint.url() + "/oauth2/token",
                    "bearer.auth.client.id", "pfp-publisher",
                    "bearer.auth.client.secret", "client-secret"));

            // When a record goes through a serializer and a deserializer, each with its own client
            GenericRecord read = roundTrip(configs, configs);

            // Then each fetched a token once and sent it
            assertThat(read).isEqualTo(exerciseHeld());
            assertThat(issued).hasValue(2);
            assertThat(registry.requests()).extracting(Request::authorization).containsOnly("Bearer " + ADMIN_TOKEN);
        }
    }

    @Test
    void shouldRefuseBothSourcesWhenConfigured() {
        Map<String, Object> configs = withRegistryUrl(Map.of(
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "pfp-admin:admin-secret",
                "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", ADMIN_TOKEN));

        assertThatThrownBy(() -> new KafkaAvroSerializer().configure(configs, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Only one of 'basic.auth.credentials.source' and 'bearer.auth.credentials.source'")
                .hasMessageNotContaining("admin-secret")
                .hasMessageNotContaining(ADMIN_TOKEN);
    }

    @Test
    void shouldNameTheMissingKeyWhenConfigured() {
        Map<String, Object> configs = withRegistryUrl(Map.of("bearer.auth.credentials.source", "STATIC_TOKEN"));

        assertThatThrownBy(() -> new KafkaAvroDeserializer().configure(configs, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'bearer.auth.token'");
    }

    @Test
    void shouldReportARegistrationByAReaderAsDenied() {
        // Given a producer configured with a token that may only read
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(withRegistryUrl(Map.of("bearer.auth.credentials.source", "STATIC_TOKEN",
                "bearer.auth.token", READER_TOKEN)), false);

        // When / Then registering the schema is denied, with the registry's reason
        assertThatThrownBy(() -> serializer.serialize("exercises", exerciseHeld()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("this call needs the registry-admin role")
                .hasMessageNotContaining(READER_TOKEN)
                .hasCauseInstanceOf(RegistryAuthorizationException.class);
    }

    @Test
    void shouldReportACallWithoutCredentialsAsUnauthenticated() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(withRegistryUrl(Map.of()), false);

        assertThatThrownBy(() -> serializer.serialize("exercises", exerciseHeld()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("this call needs credentials")
                .hasMessageContaining("the client sent no credentials")
                .hasCauseInstanceOf(RegistryAuthenticationException.class);
    }

    @Test
    void shouldListTheCredentialKeysInTheSerdesDefinition() {
        assertThat(AvroSerdeConfig.definition().names()).contains("basic.auth.credentials.source", "basic.auth.user.info",
                "bearer.auth.credentials.source", "bearer.auth.token", "bearer.auth.issuer.endpoint.url");
    }

    private GenericRecord roundTrip(Map<String, Object> producerConfigs, Map<String, Object> consumerConfigs) {
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer();
             KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            serializer.configure(producerConfigs, false);
            deserializer.configure(consumerConfigs, false);
            return (GenericRecord) deserializer.deserialize("exercises", serializer.serialize("exercises", exerciseHeld()));
        }
    }

    private Map<String, Object> withRegistryUrl(Map<String, Object> configs) {
        Map<String, Object> all = new HashMap<>(configs);
        all.put("schema.registry.url", registry.url());
        // As a producer passes its whole configuration to its serializers
        all.put("bootstrap.servers", "127.0.0.1:9092");
        return all;
    }

    private static GenericRecord exerciseHeld() {
        GenericRecord record = new GenericData.Record(EXERCISE_HELD);
        record.put("exercise", "Steadfast Jupiter");
        record.put("participants", 12);
        return record;
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
