package org.pfptracker.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a multi-node KRaft cluster, controller or broker as its {@code process.roles} say, from a
 * plain Kafka {@code server.properties} file: what {@code kafka-storage.sh format} then
 * {@code kafka-server-start.sh} do, in one call, from the same server classes.
 *
 * <p>Unlike {@link EmbeddedKafkaBroker} (one combined node whose settings we own), the caller owns every
 * property: listeners, node id, quorum voters. The data directory is formatted with the given cluster id
 * the first time only, so a node killed and started again keeps its log, as a real one does.
 */
public final class KafkaNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaNode.class);

    private final KafkaRaftServer server;

    private KafkaNode(KafkaRaftServer server) {
        this.server = server;
    }

    /**
     * Formats the node's directories if they are new, starts it and returns once it has joined the
     * cluster (a broker: caught up with the metadata log and unfenced).
     */
    public static KafkaNode start(Path propertiesFile, String clusterId) {
        Properties properties = read(propertiesFile);
        KafkaConfig config = KafkaConfig.fromProps(properties, false);
        format(propertiesFile, clusterId);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        LOG.info("Kafka node {} ({}) started", config.nodeId(), properties.getProperty("process.roles"));
        return new KafkaNode(server);
    }

    /** {@code kafka-storage.sh format --ignore-formatted}: a restarted node keeps what it holds. */
    private static void format(Path propertiesFile, String clusterId) {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "--cluster-id", clusterId, "--config",
                propertiesFile.toString(), "--ignore-formatted"}, new PrintStream(report, true, StandardCharsets.UTF_8));
        String printed = report.toString(StandardCharsets.UTF_8).trim();
        if (exit != 0) {
            throw new EmbeddedKafkaException("Could not format the Kafka node's storage: " + printed);
        }
        LOG.info("Kafka storage: {}", printed);
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the Kafka node's properties " + file, e);
        }
        return properties;
    }

    /** A clean shutdown: the broker hands its partitions' leadership over before it goes. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
