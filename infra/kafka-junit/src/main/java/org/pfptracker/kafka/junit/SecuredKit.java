package org.pfptracker.kafka.junit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.metadata.FeatureLevelRecord;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.authorizer.Authorizer;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.server.common.MetadataVersion;
import org.pfptracker.kafka.embedded.security.AccessPolicy;
import org.pfptracker.kafka.embedded.security.AclReconciler;
import org.pfptracker.kafka.embedded.security.ClientSecurity;
import org.pfptracker.kafka.embedded.security.Credentials;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;
import org.pfptracker.kafka.embedded.security.ServerSecurity;
import org.pfptracker.kafka.embedded.security.TlsStores;

/**
 * What makes a test-kit cluster secured, with the same principals, passwords, TLS material and
 * ACLs as the local stack's secured node ({@code org.pfptracker.kafka.embedded.security}):
 * SCRAM users in the bootstrap metadata, SASL_SSL listeners, and the access policy applied once
 * the brokers run.
 *
 * <p>The kit hands its controllers the bootstrap metadata of {@link TestKitNodes} rather than
 * reading what formatting wrote, and its own {@code format()} refuses SCRAM records there. So the
 * users go into that bootstrap metadata, and {@link #format} formats the nodes as the kit would,
 * with the same records, as {@code kafka-storage format --add-scram} does for a real cluster.
 *
 * @param serverProperties the nodes' security settings
 * @param clientSecurity   what clients connect with, as each principal
 */
record SecuredKit(SortedMap<String, String> serverProperties, ClientSecurity clientSecurity) {

    /** The kit's listeners bind to localhost; clients check the certificate against that name. */
    private static final List<String> CERTIFICATE_HOSTS = List.of("localhost", "127.0.0.1", "::1");
    private static final int SCRAM_ITERATIONS = 4096;
    private static final Duration POLICY_TIMEOUT = Duration.ofSeconds(60);

    /** What every secured test cluster enforces. */
    static final AccessPolicy POLICY = AccessPolicy.standard();

    /** {@code bootstrap} plus a SCRAM-SHA-512 user for every principal, with its password in {@code credentials}. */
    static BootstrapMetadata withUsers(BootstrapMetadata bootstrap, Credentials credentials) {
        List<ApiMessageAndVersion> records = new ArrayList<>(bootstrap.records());
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            records.add(new ApiMessageAndVersion(scramUser(principal, credentials.password(principal)), (short) 0));
        }
        return BootstrapMetadata.fromRecords(records, bootstrap.source());
    }

    /**
     * Writes the TLS material beside the nodes' data (which the kit deletes when it closes) and
     * derives their security settings from it.
     */
    static SecuredKit create(TestKitNodes nodes, Credentials credentials) {
        TlsStores stores = TlsStores.create(Path.of(nodes.baseDirectory()), CERTIFICATE_HOSTS,
                credentials.storePassword());
        SortedMap<String, String> properties = ServerSecurity.properties(nodes.brokerListenerName().value(),
                nodes.controllerListenerName().value(), stores, credentials.password(KafkaPrincipal.BROKER));
        return new SecuredKit(properties, ClientSecurity.of(stores, credentials));
    }

    /** Formats every node as {@link KafkaClusterTestKit#format()} does, with the SCRAM users. */
    static void format(KafkaClusterTestKit kit) {
        TestKitNodes nodes = kit.nodes();
        for (ControllerServer controller : kit.controllers().values()) {
            formatNode(nodes, controller.sharedServer().metaPropsEnsemble());
        }
        for (Map.Entry<Integer, BrokerServer> broker : kit.brokers().entrySet()) {
            // A combined node shares its directories with its controller, formatted above.
            if (!nodes.isCombined(broker.getKey())) {
                formatNode(nodes, broker.getValue().sharedServer().metaPropsEnsemble());
            }
        }
    }

    /**
     * Applies {@code policy} as the admin, and returns once every broker's authorizer enforces it,
     * so that no test meets a broker that has not caught up.
     */
    void applyPolicy(KafkaClusterTestKit kit, AccessPolicy policy) {
        Map<String, Object> adminConfig = clientSecurity.clientConfig(KafkaPrincipal.ADMIN);
        adminConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        try (Admin admin = Admin.create(adminConfig)) {
            AclReconciler.apply(admin, policy, POLICY_TIMEOUT);
        }
        List<AclBinding> wanted = policy.aclBindings();
        for (Map.Entry<Integer, BrokerServer> broker : kit.brokers().entrySet()) {
            Authorizer authorizer = broker.getValue().authorizerPlugin().get().get();
            Polling.await(POLICY_TIMEOUT, () -> "broker " + broker.getKey() + " enforces the access policy",
                    () -> {
                        Set<AclBinding> present = new HashSet<>();
                        authorizer.acls(AclBindingFilter.ANY).forEach(present::add);
                        return present.containsAll(wanted);
                    });
        }
    }

    private static UserScramCredentialRecord scramUser(KafkaPrincipal principal, String password) {
        try {
            ScramFormatter formatter = new ScramFormatter(ScramMechanism.SCRAM_SHA_512);
            ScramCredential credential = formatter.generateCredential(password, SCRAM_ITERATIONS);
            return new UserScramCredentialRecord()
                    .setName(principal.userName())
                    .setMechanism(ScramMechanism.SCRAM_SHA_512.type())
                    .setSalt(credential.salt())
                    .setStoredKey(credential.storedKey())
                    .setServerKey(credential.serverKey())
                    .setIterations(credential.iterations());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make SCRAM-SHA-512 credentials", e);
        }
    }

    private static void formatNode(TestKitNodes nodes, MetaPropertiesEnsemble ensemble) {
        BootstrapMetadata bootstrap = nodes.bootstrapMetadata();
        List<ApiMessageAndVersion> otherRecords = new ArrayList<>();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(report, true, StandardCharsets.UTF_8))
                .setNodeId(ensemble.nodeId().getAsInt())
                .setClusterId(ensemble.clusterId().orElseThrow())
                .setDirectories(ensemble.logDirProps().keySet());
        if (formatter.directories().isEmpty()) {
            return;
        }
        formatter.setReleaseVersion(bootstrap.metadataVersion())
                .setIgnoreFormatted(false)
                .setControllerListenerName(nodes.controllerListenerName().value())
                .setMetadataLogDirectory(ensemble.metadataLogDir().orElseThrow());
        for (ApiMessageAndVersion record : bootstrap.records()) {
            if (record.message() instanceof FeatureLevelRecord feature) {
                if (!feature.name().equals(MetadataVersion.FEATURE_NAME)) {
                    formatter.setFeatureLevel(feature.name(), feature.featureLevel());
                }
            } else {
                // The SCRAM users: written as they are, so that the formatted log and the
                // controllers' bootstrap metadata agree.
                otherRecords.add(record);
            }
        }
        formatter.setAdditionalBootstrapRecords(otherRecords);
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format node " + ensemble.nodeId() + ": " + e.getMessage()
                    + "\n" + report.toString(StandardCharsets.UTF_8), e);
        }
    }
}
