package org.pfptracker.launcher.command;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pfptracker.core.config.Settings;
import org.pfptracker.core.lifecycle.UntilStopped;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.schema.SchemaContract;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.registry.SchemaRegistryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs one schema registry instance against the configured cluster, until stopped. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Run a schema registry instance (Confluent REST API, schemas in a compacted topic). "
                + "Settings registry.* / PFP_REGISTRY_*; the cluster defaults to kafka.bootstrap.servers.")
public final class RegistryCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = options.load();
        Settings registry = settings;
        if (!settings.isSet(RegistryConfig.BOOTSTRAP_SERVERS)) {
            registry = registry.with(RegistryConfig.BOOTSTRAP_SERVERS, settings.get(KafkaSettings.BOOTSTRAP_SERVERS));
        }
        // The kafka.client.* keys every process shares, unless the registry's own registry.kafka.* say otherwise.
        Map<String, String> kafka = new HashMap<>();
        KafkaSettings.clientOverrides(settings).forEach((key, value) -> kafka.put(RegistryConfig.KAFKA_PREFIX + key, value));
        kafka.keySet().removeAll(settings.asMap().keySet());
        registry = registry.withValues(kafka);
        // A registry of pfp's holds the project's policy from its first schema on, so 'pfp schemas check'
        // passes against it; an operator can still choose another level.
        if (!settings.isSet(RegistryConfig.COMPATIBILITY_LEVEL)) {
            registry = registry.with(RegistryConfig.COMPATIBILITY_LEVEL, SchemaContract.POLICY);
        }
        UntilStopped.run(SchemaRegistryServer.start(RegistryConfig.from(registry), AccessSettings.from(settings)),
                "registry");
        return 0;
    }
}
