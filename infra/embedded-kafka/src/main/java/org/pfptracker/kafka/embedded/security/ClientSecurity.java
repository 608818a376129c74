package org.pfptracker.kafka.embedded.security;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * What a client of a secured cluster adds to its configuration to connect as one of the
 * {@link KafkaPrincipal principals}: SASL_SSL, SCRAM-SHA-512 with that principal's password, and the
 * trust store that holds the cluster's certificate authority.
 *
 * <pre>{@code
 * Map<String, Object> producerConfig = new HashMap<>(security.forPrincipal(KafkaPrincipal.GATEWAY));
 * producerConfig.put("bootstrap.servers", bootstrapServers);
 * }</pre>
 *
 * <p>The maps hold only security settings, no {@code bootstrap.servers}, so that they can be merged
 * into any producer, consumer, admin or Kafka Streams configuration (or under {@code kafka.client.}
 * in pfp's settings). {@link #toString()} shows no secret.
 *
 * @param trustStore         the PKCS12 trust store holding the cluster's certificate authority
 * @param trustStorePassword its password
 * @param credentials        every principal's password
 */
public record ClientSecurity(Path trustStore, String trustStorePassword, Credentials credentials) {

    private static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

    public ClientSecurity {
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        Objects.requireNonNull(credentials, "credentials");
        trustStore = trustStore.toAbsolutePath();
    }

    /** Clients of the cluster these stores and credentials were made for. */
    public static ClientSecurity of(TlsStores stores, Credentials credentials) {
        return new ClientSecurity(stores.trustStore(), stores.password(), credentials);
    }

    /** The settings that connect as {@code principal}, sorted by name. */
    public SortedMap<String, String> forPrincipal(KafkaPrincipal principal) {
        return forUser(principal.userName(), credentials.password(principal));
    }

    /**
     * The settings that connect as any SCRAM user, e.g. one created on the cluster outside the
     * {@link AccessPolicy}, or with a wrong password to see it refused.
     */
    public SortedMap<String, String> forUser(String userName, String password) {
        SortedMap<String, String> settings = new TreeMap<>();
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_SSL.name);
        settings.put(SaslConfigs.SASL_MECHANISM, Credentials.SCRAM_MECHANISM);
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, SCRAM_LOGIN_MODULE + " required username=\"" + userName
                + "\" password=\"" + password + "\";");
        settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toString());
        settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TlsStores.STORE_TYPE);
        settings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, trustStorePassword);
        return Collections.unmodifiableSortedMap(settings);
    }

    /** {@link #forPrincipal} as the {@code Map<String, Object>} Kafka's client constructors take, to add to. */
    public Map<String, Object> clientConfig(KafkaPrincipal principal) {
        return new TreeMap<>(forPrincipal(principal));
    }

    @Override
    public String toString() {
        return "ClientSecurity[trustStore=" + trustStore + ", " + credentials + "]";
    }
}
