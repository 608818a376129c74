package org.pfptracker.launcher.command;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pfptracker.platform.config.AccessConfig;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.platform.lifecycle.UntilStopped;
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
        Map<String, String> properties = new HashMap<>(settings.asMap());
        properties.putIfAbsent(RegistryConfig.BOOTSTRAP_SERVERS, settings.get(KafkaSettings.BOOTSTRAP_SERVERS));
        settings.kafkaClientOverrides().forEach((key, value) ->
                properties.putIfAbsent(RegistryConfig.KAFKA_PREFIX + key, value));
        // A registry of pfp's holds the project's policy from its first schema on, so 'pfp schemas check'
        // passes against it; an operator can still choose another level.
        if (System.getenv("PFP_REGISTRY_COMPATIBILITY_LEVEL") == null) {
            properties.putIfAbsent(RegistryConfig.COMPATIBILITY_LEVEL, SchemaContract.POLICY.name());
        }
        UntilStopped.run(SchemaRegistryServer.start(RegistryConfig.load(properties, System.getenv()),
                AccessConfig.from(settings)), "registry");
        return 0;
    }
}
