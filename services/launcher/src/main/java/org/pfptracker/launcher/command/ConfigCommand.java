package org.pfptracker.launcher.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pfptracker.gateway.config.GatewaySettings;
import org.pfptracker.launcher.local.LocalSettings;
import org.pfptracker.platform.config.AccessConfig;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.config.Setting;
import org.pfptracker.platform.config.Settings;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.simulator.config.SimulatorSettings;
import org.pfptracker.tracker.config.TrackerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints every setting with its environment variable, its effective value and what it does. */
@Command(name = "config", description = "List every setting, its environment variable, current value and meaning.")
public final class ConfigCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    static List<Setting> all() {
        List<Setting> all = new ArrayList<>(KafkaSettings.ALL);
        all.add(EventSerdes.AUTO_REGISTER_SCHEMAS);
        all.add(EventPublisher.DELIVERY_TIMEOUT);
        all.add(EventPublisher.LINGER);
        all.addAll(AccessConfig.ALL);
        all.addAll(LocalSettings.ALL);
        // The registry reads its own keys (RegistryConfig); listed here with the rest.
        RegistryConfig.KEYS.forEach(key -> all.add(new Setting(key.key(), key.defaultValue(), key.doc())));
        all.addAll(TrackerSettings.ALL);
        all.addAll(GatewaySettings.ALL);
        all.addAll(SimulatorSettings.ALL);
        return all;
    }

    @Override
    public Integer call() {
        Settings settings = options.load();
        for (Setting setting : all()) {
            System.out.printf("%-28s %-34s = %s%n    %s%n", setting.key(), setting.environmentVariable(),
                    settings.find(setting).map(value -> shown(setting, value)).orElse("(unset)"), setting.doc());
        }
        System.out.println("Any kafka.client.* key (env PFP_KAFKA_CLIENT_*) is passed to every Kafka client, "
                + "e.g. kafka.client.security.protocol=SASL_SSL; any schema.registry.client.* key to every schema"
                + " registry client and serde, e.g. schema.registry.client.bearer.auth.token.");
        return 0;
    }

    /** A secret's value is never printed: a terminal's scroll-back and a pasted bug report keep it. */
    static String shown(Setting setting, String value) {
        String key = setting.key();
        boolean secret = key.contains("password") || key.contains("secret") || key.contains("token");
        return secret ? "(set, hidden)" : value;
    }
}
