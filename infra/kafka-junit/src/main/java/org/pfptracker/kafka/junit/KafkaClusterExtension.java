package org.pfptracker.kafka.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts real Kafka clusters for tests and injects them as {@link KafkaTestCluster} parameters.
 * Registered by {@link WithKafka}, which is how tests should use it.
 *
 * <p>Clusters live in the root extension store, keyed by broker count, source and security, so a
 * 1-broker and a 3-broker cluster (or a PLAINTEXT and a secured one) may run side by side, each
 * started once per JVM and closed when the test run ends; closing fails the run if a cluster
 * recorded an internal fault. After each test class
 * (and each {@code @Nested} class) brokers it left stopped are started again, and the cluster is
 * checked for faults so that the class that caused one is the class that fails.
 */
public final class KafkaClusterExtension implements ParameterResolver, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaTestCluster.class;
    }

    @Override
    public KafkaTestCluster resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ClusterKey key = ClusterKey.requestedBy(extensionContext);
        return rootStore(extensionContext)
                .computeIfAbsent(key, ClusterKey::start, RunningCluster.class)
                .handle();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RunningCluster cluster = rootStore(context).get(ClusterKey.requestedBy(context), RunningCluster.class);
        if (cluster != null) {
            cluster.backend().startStoppedBrokers();
            cluster.backend().verifyHealthy();
        }
    }

    private static ExtensionContext.Store rootStore(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }

    /** What identifies a shared cluster: how many brokers, where they run, and whether secured. */
    private record ClusterKey(int brokers, ClusterSource source, boolean secured) {

        /** The nearest {@link WithKafka} from the test method outwards, or one PLAINTEXT broker if none. */
        static ClusterKey requestedBy(ExtensionContext context) {
            Optional<WithKafka> annotation = nearestWithKafka(context);
            int brokers = annotation.map(WithKafka::brokers).orElse(1);
            boolean secured = annotation.map(WithKafka::secured).orElse(false);
            if (brokers < 1) {
                throw new ExtensionConfigurationException("@WithKafka(brokers = " + brokers
                        + ") on " + context.getDisplayName() + ": a cluster needs at least one broker");
            }
            ClusterSource source = ClusterSource.configured().forBrokerCount(brokers);
            // Containers run PLAINTEXT only.
            return new ClusterKey(brokers, secured ? ClusterSource.KRAFT_TEST_KIT : source, secured);
        }

        private static Optional<WithKafka> nearestWithKafka(ExtensionContext context) {
            for (Optional<ExtensionContext> current = Optional.of(context);
                    current.isPresent();
                    current = current.get().getParent()) {
                Optional<WithKafka> annotation = current.get().getElement()
                        .flatMap(ClusterKey::withKafka);
                if (annotation.isPresent()) {
                    return annotation;
                }
            }
            return Optional.empty();
        }

        private static Optional<WithKafka> withKafka(AnnotatedElement element) {
            return AnnotationSupport.findAnnotation(element, WithKafka.class);
        }

        RunningCluster start() {
            ClusterBackend backend = switch (source) {
                case KRAFT_TEST_KIT -> KitKafkaCluster.start(brokers, secured);
                case TESTCONTAINERS -> TestcontainersKafkaCluster.start();
            };
            return new RunningCluster(new KafkaTestCluster(backend), backend);
        }
    }

    /** A cluster in the root store, which closes it when the test run ends. */
    private record RunningCluster(KafkaTestCluster handle, ClusterBackend backend) implements AutoCloseable {

        @Override
        public void close() {
            backend.close();
        }
    }
}
