package org.pfptracker.platform.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the cluster hold the topics of the catalogue, idempotently.
 *
 * <p>{@link Mode#APPLY} creates missing topics and corrects drifted configuration (what the local
 * stack and a cluster we own want); {@link Mode#VERIFY} changes nothing and reports every difference
 * (what a managed cluster, where topics are created by its owners, wants).
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 60;

    /** Whether differences are fixed or only reported. */
    public enum Mode { APPLY, VERIFY }

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** Brings the cluster in line with the specs (or only checks, in VERIFY mode) and says what it did. */
    public ProvisioningReport provision(Collection<TopicSpec> specs, Mode mode) {
        Set<String> existing = call(admin.listTopics().names());
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        List<TopicSpec> missing = specs.stream().filter(spec -> !existing.contains(spec.name())).toList();
        if (mode == Mode.APPLY) {
            created.addAll(create(missing));
        } else {
            missing.forEach(spec -> problems.add(spec.name() + ": missing"));
        }

        List<TopicSpec> present = specs.stream().filter(spec -> existing.contains(spec.name())).toList();
        if (!present.isEmpty()) {
            Map<String, TopicDescription> descriptions =
                    call(admin.describeTopics(present.stream().map(TopicSpec::name).toList()).allTopicNames());
            Map<ConfigResource, Config> configs = call(admin.describeConfigs(present.stream()
                    .map(spec -> new ConfigResource(ConfigResource.Type.TOPIC, spec.name())).toList()).all());
            for (TopicSpec spec : present) {
                checkLayout(spec, descriptions.get(spec.name()), problems);
                Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
                List<AlterConfigOp> drift = driftOf(spec, actual);
                if (drift.isEmpty()) {
                    continue;
                }
                String what = spec.name() + ": " + drift.stream()
                        .map(op -> op.configEntry().name() + "=" + op.configEntry().value())
                        .collect(Collectors.joining(", "));
                if (mode == Mode.APPLY) {
                    call(admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), drift)).all());
                    updated.add(what);
                } else {
                    problems.add(what + " expected");
                }
            }
        }
        ProvisioningReport report = new ProvisioningReport(created, updated, problems);
        log.info("Topics {}: {}", mode == Mode.APPLY ? "applied" : "verified", report.summary());
        return report;
    }

    private List<String> create(List<TopicSpec> missing) {
        List<String> created = new ArrayList<>();
        for (TopicSpec spec : missing) {
            NewTopic topic = new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor())
                    .configs(spec.configs());
            try {
                call(admin.createTopics(List.of(topic)).all());
                created.add(spec.name());
            } catch (TopicCreationRaceException e) {
                // Another instance created it between our listing and our request: same outcome.
                log.debug("Topic {} was created concurrently", spec.name());
            }
        }
        return created;
    }

    private static void checkLayout(TopicSpec spec, TopicDescription description, List<String> problems) {
        int partitions = description.partitions().size();
        if (partitions < spec.partitions()) {
            problems.add(spec.name() + ": has " + partitions + " partitions, catalogue asks for "
                    + spec.partitions() + " (grow it with kafka-topics --alter; keys will move)");
        }
        int replicas = description.partitions().get(0).replicas().size();
        if (replicas < spec.replicationFactor()) {
            problems.add(spec.name() + ": replication factor " + replicas + ", catalogue asks for "
                    + spec.replicationFactor());
        }
    }

    private static List<AlterConfigOp> driftOf(TopicSpec spec, Config actual) {
        List<AlterConfigOp> drift = new ArrayList<>();
        spec.configs().forEach((name, wanted) -> {
            ConfigEntry entry = actual.get(name);
            if (entry == null || !wanted.equals(entry.value())) {
                drift.add(new AlterConfigOp(new ConfigEntry(name, wanted), AlterConfigOp.OpType.SET));
            }
        });
        return drift;
    }

    private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                throw new TopicCreationRaceException();
            }
            throw new IllegalStateException("Kafka refused a topic operation: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer a topic operation within " + TIMEOUT_SECONDS
                    + " s: is the cluster reachable?", e);
        }
    }

    private static final class TopicCreationRaceException extends RuntimeException {
        TopicCreationRaceException() {
            super(null, null, false, false);
        }
    }
}
