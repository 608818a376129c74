package org.pfptracker.kafka.junit;

import java.util.Locale;
import java.util.function.UnaryOperator;

/** Where a test cluster comes from. */
enum ClusterSource {

    /** Kafka's KRaft test kit, in this JVM: the default, and the only source of multi-broker clusters. */
    KRAFT_TEST_KIT,

    /** A single-broker {@code apache/kafka} container, for machines with Docker. */
    TESTCONTAINERS;

    static final String SYSTEM_PROPERTY = "pfp.test.kafka";
    static final String ENVIRONMENT_VARIABLE = "PFP_TEST_KAFKA";

    /** The source for this JVM: the system property wins over the environment variable. */
    static ClusterSource configured() {
        return configured(System::getProperty, System::getenv);
    }

    static ClusterSource configured(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        String requested = systemProperties.apply(SYSTEM_PROPERTY);
        String origin = "system property " + SYSTEM_PROPERTY;
        if (requested == null || requested.isBlank()) {
            requested = environment.apply(ENVIRONMENT_VARIABLE);
            origin = "environment variable " + ENVIRONMENT_VARIABLE;
        }
        if (requested == null || requested.isBlank()) {
            return KRAFT_TEST_KIT;
        }
        return switch (requested.trim().toLowerCase(Locale.ROOT)) {
            case "embedded", "kit" -> KRAFT_TEST_KIT;
            case "testcontainers" -> TESTCONTAINERS;
            default -> throw new IllegalArgumentException(origin + " is '" + requested
                    + "'; expected 'embedded' (the default) or 'testcontainers'");
        };
    }

    /** The source that serves {@code brokerCount} brokers: containers only ever run one. */
    ClusterSource forBrokerCount(int brokerCount) {
        return brokerCount == 1 ? this : KRAFT_TEST_KIT;
    }
}
