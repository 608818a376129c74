package org.pfptracker.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaProperties;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.properties.PropertiesUtils;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's data directory: formatted with a new cluster id on first use, reused afterwards. */
final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    /** What {@link #prepare} found or made. */
    record Prepared(Path directory, String clusterId, boolean freshlyFormatted) {
    }

    private DataDirectory() {
    }

    /**
     * Formats {@code directory} if it holds no Kafka data yet, or reads the cluster id it holds.
     *
     * @param scramArguments {@code kafka-storage format --add-scram} arguments: the SCRAM users a
     *                       new directory's metadata starts with (none for an unsecured node)
     */
    static Prepared prepare(Path directory, KafkaConfig config, List<String> scramArguments) {
        Path metaProperties = directory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
        if (Files.exists(metaProperties)) {
            return new Prepared(directory, existingClusterId(metaProperties), false);
        }
        requireEmptyOrAbsent(directory);
        String clusterId = Uuid.randomUuid().toString();
        format(config, clusterId, scramArguments);
        return new Prepared(directory, clusterId, true);
    }

    /** Whether {@code directory} holds Kafka data: it was formatted before. */
    static boolean isFormatted(Path directory) {
        return Files.exists(directory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME));
    }

    private static String existingClusterId(Path metaProperties) {
        MetaProperties properties;
        try {
            properties = new MetaProperties.Builder(PropertiesUtils.readPropertiesFile(metaProperties.toString())).build();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedKafkaException("Could not read " + metaProperties + ": " + e.getMessage()
                    + "; delete the data directory to start afresh", e);
        }
        OptionalInt nodeId = properties.nodeId();
        if (nodeId.isEmpty() || nodeId.getAsInt() != BrokerProperties.NODE_ID) {
            throw new EmbeddedKafkaException(metaProperties + " belongs to Kafka node " + nodeId
                    + ", not to the embedded node " + BrokerProperties.NODE_ID + "; use another data directory");
        }
        return properties.clusterId().orElseThrow(() ->
                new EmbeddedKafkaException(metaProperties + " has no cluster.id; delete the data directory to start afresh"));
    }

    /**
     * Formatting writes beside whatever is there: refuse a directory that holds something else than
     * a secured node's own files, which are written before it is formatted.
     */
    static void requireEmptyOrAbsent(Path directory) {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.anyMatch(entry -> !SecuredNode.FILES.contains(entry.getFileName().toString()))) {
                    throw new EmbeddedKafkaException(directory + " is not empty but holds no Kafka data (no "
                            + MetaPropertiesEnsemble.META_PROPERTIES_NAME + "); choose an empty or new data directory");
                }
            }
        } catch (IOException e) {
            throw new EmbeddedKafkaException("Could not use " + directory + " as Kafka data directory: " + e, e);
        }
    }

    /** What {@code kafka-storage.sh format --standalone} does for a combined node with this config. */
    private static void format(KafkaConfig config, String clusterId, List<String> scramArguments) {
        SortedSet<String> directories = new TreeSet<>(config.logDirs());
        directories.add(config.metadataLogDir());
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(report, true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                // A controller writes the bootstrap snapshot that seeds the metadata log.
                .setWriteBootstrapSnapshot(true)
                .setUnstableFeatureVersionsEnabled(config.unstableFeatureVersionsEnabled())
                .setIgnoreFormatted(false)
                .setControllerListenerName(config.controllerListenerNames().get(0))
                .setMetadataLogDirectory(config.metadataLogDir())
                // --standalone: this node alone is the initial voter of a dynamic quorum.
                .setHasDynamicQuorum(true)
                .setInitialControllers(StorageTool.createStandaloneDynamicVoters(config))
                // --add-scram: users exist from the first start, before anyone could create them.
                .setScramArguments(scramArguments)
                .setDirectories(directories);
        try {
            formatter.run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("Could not format " + directories + " for Kafka: " + e.getMessage(), e);
        }
        LOG.debug("Formatted Kafka storage: {}", report.toString(StandardCharsets.UTF_8).trim());
    }
}
