package org.pfptracker.launcher.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pfptracker.core.lifecycle.UntilStopped;
import org.pfptracker.kafka.embedded.KafkaNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one node of a KRaft cluster (controller or broker, as its properties say) until stopped: a cluster
 * of separate processes from the same distribution as the services, with no Kafka download.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run one Kafka KRaft node (controller or broker, per process.roles) from a server.properties "
                + "file; its storage is formatted with --cluster-id on first start and kept afterwards.")
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--properties", required = true, paramLabel = "FILE",
            description = "Kafka server properties: process.roles, node.id, listeners, controller.quorum.voters, log.dirs...")
    Path properties;

    @Option(names = "--cluster-id", required = true, paramLabel = "ID",
            description = "The cluster id every node of the cluster is formatted with (e.g. from 'kafka-storage random-uuid').")
    String clusterId;

    @Override
    public Integer call() throws InterruptedException {
        UntilStopped.run(KafkaNode.start(properties, clusterId), "kafka-node");
        return 0;
    }
}
