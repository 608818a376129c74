package org.pfptracker.kafka.embedded.security;

import java.nio.file.Path;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.internals.BrokerSecurityConfigs;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;

/**
 * The Kafka server properties of a secured node: TLS on every listener, SCRAM-SHA-512 for clients
 * and between brokers, PLAIN between brokers and controllers, and KRaft's
 * {@link StandardAuthorizer} with {@link KafkaPrincipal#ADMIN} and {@link KafkaPrincipal#BROKER} as
 * super-users and nothing allowed without an ACL.
 *
 * <p>Why the controller listener differs from the client listener:
 * <ul>
 *   <li><b>PLAIN, not SCRAM.</b> SCRAM credentials are records in the metadata log, and controllers
 *       replicate that log, and brokers fetch it, over the controller listener: they cannot need it
 *       to authenticate there. PLAIN checks the node's password against the JAAS configuration
 *       instead (the {@code user_broker} option), which only the nodes' own configuration holds.</li>
 *   <li><b>Still TLS, not PLAINTEXT.</b> PLAIN sends the password itself, which TLS hides. And a
 *       PLAINTEXT controller listener would make {@code User:ANONYMOUS} the brokers' principal
 *       there, which must be a super-user for brokers to register; any process that reaches the port
 *       could then change ACLs and credentials through it (KIP-919 lets admin clients talk to
 *       controllers directly).</li>
 * </ul>
 * Brokers talk to each other (replication, transaction markers, which a single node also sends to
 * itself) over the client listener, as {@link KafkaPrincipal#BROKER} with SCRAM.
 */
public final class ServerSecurity {

    private static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN_LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final String CONTROLLER_MECHANISM = "PLAIN";

    private ServerSecurity() {
    }

    /**
     * The security properties of a node with these two listeners.
     *
     * @param clientListener     the listener clients and other brokers connect to (SASL_SSL, SCRAM-SHA-512)
     * @param controllerListener the KRaft controller listener (SASL_SSL, PLAIN)
     * @param stores             the TLS material every listener serves and trusts
     * @param brokerPassword     the password of {@link KafkaPrincipal#BROKER}
     * @return the properties, sorted by name; they also set {@code listener.security.protocol.map} and
     *         {@code inter.broker.listener.name}, but not {@code listeners} or the controller quorum
     */
    public static SortedMap<String, String> properties(String clientListener, String controllerListener,
                                                       TlsStores stores, String brokerPassword) {
        ListenerName client = ListenerName.normalised(clientListener);
        ListenerName controller = ListenerName.normalised(controllerListener);
        String broker = KafkaPrincipal.BROKER.userName();
        SortedMap<String, String> properties = new TreeMap<>();

        properties.put("listener.security.protocol.map", client.value() + ":" + SecurityProtocol.SASL_SSL.name
                + "," + controller.value() + ":" + SecurityProtocol.SASL_SSL.name);
        properties.put("inter.broker.listener.name", client.value());

        // SASL: SCRAM for clients and between brokers, PLAIN towards controllers (see the class comment).
        properties.put(BrokerSecurityConfigs.SASL_ENABLED_MECHANISMS_CONFIG, Credentials.SCRAM_MECHANISM);
        properties.put(client.configPrefix() + BrokerSecurityConfigs.SASL_ENABLED_MECHANISMS_CONFIG,
                Credentials.SCRAM_MECHANISM);
        properties.put(controller.configPrefix() + BrokerSecurityConfigs.SASL_ENABLED_MECHANISMS_CONFIG,
                CONTROLLER_MECHANISM);
        properties.put(BrokerSecurityConfigs.SASL_MECHANISM_INTER_BROKER_PROTOCOL_CONFIG, Credentials.SCRAM_MECHANISM);
        properties.put("sasl.mechanism.controller.protocol", CONTROLLER_MECHANISM);
        // The server side of SCRAM reads credentials from the metadata; these options are what the
        // node logs in with when it connects to another broker (or to itself).
        properties.put(client.saslMechanismConfigPrefix(Credentials.SCRAM_MECHANISM) + SaslConfigs.SASL_JAAS_CONFIG,
                SCRAM_LOGIN_MODULE + " required username=\"" + broker + "\" password=\"" + brokerPassword + "\";");
        // Both sides of PLAIN: the node logs in as broker, and accepts broker with this password only.
        properties.put(controller.saslMechanismConfigPrefix(CONTROLLER_MECHANISM) + SaslConfigs.SASL_JAAS_CONFIG,
                PLAIN_LOGIN_MODULE + " required username=\"" + broker + "\" password=\"" + brokerPassword
                        + "\" user_" + broker + "=\"" + brokerPassword + "\";");

        // TLS: one key store for both listeners, and the trust store to check other nodes with.
        properties.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, path(stores.keyStore()));
        properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, TlsStores.STORE_TYPE);
        properties.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, stores.password());
        properties.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, stores.password());
        properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, path(stores.trustStore()));
        properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TlsStores.STORE_TYPE);
        properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, stores.password());
        // Clients prove who they are with SCRAM; TLS proves only the broker's identity.
        properties.put(BrokerSecurityConfigs.SSL_CLIENT_AUTH_CONFIG, "none");

        // Authorisation: KRaft's own authorizer, ACLs kept in the metadata log; no ACL, no access.
        properties.put("authorizer.class.name", StandardAuthorizer.class.getName());
        properties.put(StandardAuthorizer.SUPER_USERS_CONFIG, AccessPolicy.superUsers());
        properties.put(StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG, "false");
        return properties;
    }

    /** The names {@link #properties} sets for these listeners, whatever the stores and password. */
    public static Set<String> propertyNames(String clientListener, String controllerListener) {
        TlsStores placeholder = new TlsStores(Path.of("keystore"), Path.of("truststore"), Path.of("ca"), "password");
        return properties(clientListener, controllerListener, placeholder, "password").keySet();
    }

    private static String path(Path file) {
        return file.toAbsolutePath().toString();
    }
}
