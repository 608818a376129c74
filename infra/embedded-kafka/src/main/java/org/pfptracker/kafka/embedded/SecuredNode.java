package org.pfptracker.kafka.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.pfptracker.kafka.embedded.security.AccessPolicy;
import org.pfptracker.kafka.embedded.security.AclReconciler;
import org.pfptracker.kafka.embedded.security.ClientSecurity;
import org.pfptracker.kafka.embedded.security.Credentials;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;
import org.pfptracker.kafka.embedded.security.ScramUsers;
import org.pfptracker.kafka.embedded.security.ServerSecurity;
import org.pfptracker.kafka.embedded.security.TlsStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security of a secured embedded node, kept beside its data: the credentials file (made on first
 * start, read on later ones) and the TLS material (made again at every start), then, once the node
 * runs, the SCRAM users its metadata lacks and the access policy's ACLs.
 */
final class SecuredNode {

    private static final Logger LOG = LoggerFactory.getLogger(SecuredNode.class);

    /** Every principal's password and the stores' password, readable by the owner alone. */
    static final String CREDENTIALS_FILE = "pfp-kafka-credentials.properties";
    /** The files a secured node keeps in its data directory; Kafka ignores plain files there. */
    static final Set<String> FILES = Set.of(CREDENTIALS_FILE, TlsStores.KEY_STORE_FILE, TlsStores.TRUST_STORE_FILE,
            TlsStores.CA_CERTIFICATE_FILE);
    private static final Duration SET_UP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * What the node starts with.
     *
     * @param credentials      every principal's password
     * @param addedPrincipals  principals that got a password now although the directory's metadata
     *                         was made before: they have no SCRAM user there yet
     * @param serverProperties the node's security settings
     * @param clientSecurity   what clients connect with
     */
    record Prepared(Credentials credentials, Set<KafkaPrincipal> addedPrincipals,
                    SortedMap<String, String> serverProperties, ClientSecurity clientSecurity) {
    }

    private SecuredNode() {
    }

    /** Before the node is formatted and started: its credentials and TLS material. */
    static Prepared prepare(EmbeddedKafkaConfig config) {
        Path directory = config.dataDirectory();
        Path credentialsFile = directory.resolve(CREDENTIALS_FILE);
        boolean formatted = DataDirectory.isFormatted(directory);
        if (!formatted) {
            // Before writing anything: a directory holding something else is refused untouched.
            DataDirectory.requireEmptyOrAbsent(directory);
        }
        Credentials credentials;
        Set<KafkaPrincipal> added = Set.of();
        if (Files.exists(credentialsFile)) {
            Credentials read = Credentials.readFrom(credentialsFile);
            if (formatted) {
                added = read.missingPrincipals();
                if (added.contains(KafkaPrincipal.ADMIN) || added.contains(KafkaPrincipal.BROKER)) {
                    throw new EmbeddedKafkaException(credentialsFile + " has no password for " + added
                            + ", without which the node cannot start; restore it or use a new data directory");
                }
            }
            credentials = read.completed();
            if (!credentials.equals(read)) {
                credentials.writeTo(credentialsFile);
            }
        } else if (formatted) {
            throw new EmbeddedKafkaException(directory + " holds Kafka data made by an unsecured node (there is no "
                    + CREDENTIALS_FILE + "), whose metadata has no SCRAM users to log in with;"
                    + " use a new data directory to run secured");
        } else {
            credentials = Credentials.generate();
            credentials.writeTo(credentialsFile);
        }
        TlsStores stores = TlsStores.create(directory, certificateHosts(config.host()), credentials.storePassword());
        SortedMap<String, String> serverProperties = ServerSecurity.properties(BrokerProperties.SECURED_BROKER_LISTENER,
                BrokerProperties.CONTROLLER_LISTENER, stores, credentials.password(KafkaPrincipal.BROKER));
        LOG.info("Kafka is secured (SASL_SSL, SCRAM-SHA-512, ACLs): passwords in {}, clients' trust store {}",
                credentialsFile, stores.trustStore());
        return new Prepared(credentials, added, serverProperties, ClientSecurity.of(stores, credentials));
    }

    /** Once the node accepts clients: creates the missing SCRAM users, then applies {@code policy}'s ACLs. */
    static void apply(Prepared prepared, String bootstrapServers, AccessPolicy policy) {
        Map<String, Object> adminConfig = prepared.clientSecurity().clientConfig(KafkaPrincipal.ADMIN);
        adminConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(adminConfig)) {
            Map<KafkaPrincipal, String> added = new EnumMap<>(KafkaPrincipal.class);
            prepared.addedPrincipals().forEach(principal ->
                    added.put(principal, prepared.credentials().password(principal)));
            ScramUsers.upsert(admin, added, SET_UP_TIMEOUT);
            AclReconciler.apply(admin, policy, SET_UP_TIMEOUT);
        }
    }

    /**
     * The names clients may reach the node by: its own host, and loopback under every name, since
     * clients check the broker's certificate against the address they dialled.
     */
    private static List<String> certificateHosts(String host) {
        return List.of(host, "localhost", "127.0.0.1", "::1");
    }
}
