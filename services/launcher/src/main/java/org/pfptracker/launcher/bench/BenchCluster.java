package org.pfptracker.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.embedded.EmbeddedKafkaBroker;
import org.pfptracker.kafka.embedded.EmbeddedKafkaConfig;
import org.pfptracker.launcher.UserFacingException;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.schema.SchemaContract;
import org.pfptracker.platform.topic.ProvisioningReport;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster and schema registry a run measures: either started here (a real single-node KRaft
 * broker and our registry on loopback, the topics provisioned from the catalogue), or the cluster the
 * settings name, whose event topics must already exist.
 */
final class BenchCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchCluster.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final Settings settings;
    private final String description;
    private final EmbeddedKafkaBroker broker;
    private final SchemaRegistryServer registry;

    private BenchCluster(Settings settings, String description, EmbeddedKafkaBroker broker,
                         SchemaRegistryServer registry) {
        this.settings = settings;
        this.description = description;
        this.broker = broker;
        this.registry = registry;
    }

    /** Starts a broker with its data in the directory, the registry beside it, and the catalogue's topics. */
    static BenchCluster embedded(Settings base, Path kafkaDirectory) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaConfig.inDirectory(kafkaDirectory)
                .withBrokerPort(freePort())
                .withControllerPort(freePort()));
        SchemaRegistryServer registry = null;
        try {
            String bootstrapServers = broker.start();
            registry = SchemaRegistryServer.start(RegistryConfig.forBootstrapServers(bootstrapServers)
                    .withPort(0)
                    .withDefaultCompatibility(SchemaContract.POLICY)
                    .withKafkaOverrides(KafkaSettings.clientOverrides(base)));
            Settings settings = base
                    .with(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers)
                    .with(KafkaSettings.SCHEMA_REGISTRY_URL, registry.url().toString())
                    .with(KafkaSettings.TOPIC_REPLICATION_FACTOR, 1);
            try (Admin admin = Admin.create(KafkaSettings.clientConfig(settings))) {
                ProvisioningReport report = new TopicProvisioner(admin).provision(Topics.catalogue(settings),
                        TopicProvisioner.Mode.APPLY);
                if (!report.ok()) {
                    throw new IllegalStateException("The embedded broker's topics differ from the catalogue: "
                            + report.problems());
                }
            }
            return new BenchCluster(settings, "embedded single-node KRaft broker in this JVM",
                    broker, registry);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            broker.close();
            throw e;
        }
    }

    /** The cluster and registry of the settings, after checking that its event topics exist. */
    static BenchCluster configured(Settings settings) {
        String bootstrapServers = settings.get(KafkaSettings.BOOTSTRAP_SERVERS);
        try (Admin admin = Admin.create(KafkaSettings.clientConfig(settings))) {
            admin.describeTopics(EventTopics.NAMES).allTopicNames().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new UserFacingException("The event topics " + EventTopics.NAMES + " are not all on " + bootstrapServers
                        + ": create them first with 'pfp topics' (same --config)");
            }
            throw new UserFacingException("Cannot describe the event topics on " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new UserFacingException("No answer from Kafka at " + bootstrapServers + " within "
                    + ADMIN_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the event topics", e);
        }
        return new BenchCluster(settings, "configured cluster " + bootstrapServers, null, null);
    }

    /** What every client of this cluster is configured with. */
    Settings settings() {
        return settings;
    }

    /** One line for the report's heading: where the figures come from. */
    String description() {
        return description;
    }

    boolean embedded() {
        return broker != null;
    }

    /**
     * Removes what a benchmark's application left on a configured cluster: its consumer groups and its
     * internal topics (changelogs, repartitions). The embedded broker's data is deleted with the run.
     */
    void forgetApplication(String applicationId) {
        if (embedded()) {
            return;
        }
        try (Admin admin = Admin.create(KafkaSettings.clientConfig(settings))) {
            List<String> topics = new ArrayList<>();
            for (String topic : admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                if (topic.startsWith(applicationId + "-")) {
                    topics.add(topic);
                }
            }
            List<String> groups = new ArrayList<>();
            for (GroupListing group : admin.listGroups().all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                // The tracker's change feed has a group of its own, named after the application.
                if (group.groupId().startsWith(applicationId)) {
                    groups.add(group.groupId());
                }
            }
            admin.deleteTopics(topics).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            admin.deleteConsumerGroups(groups).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Could not remove the internal topics and groups of {} from the cluster: {}", applicationId,
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(EmbeddedKafkaConfig.DEFAULT_HOST, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + EmbeddedKafkaConfig.DEFAULT_HOST, e);
        }
    }
}
