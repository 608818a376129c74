package org.pfptracker.registry.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.UniqueNames;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;

/** The contract against our registry, on a real broker, on a schemas topic of its own. */
@WithKafka
class OwnRegistryContractIT extends SchemaRegistryContract {

    private static SchemaRegistryServer registry;

    @BeforeAll
    static void startRegistry(KafkaTestCluster kafka) {
        registry = SchemaRegistryServer.start(RegistryConfig.forBootstrapServers(kafka.bootstrapServers())
                .withPort(0)
                .withTopic(UniqueNames.of("schemas")));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Override
    protected String registryUrl() {
        return registry.url().toString();
    }
}
