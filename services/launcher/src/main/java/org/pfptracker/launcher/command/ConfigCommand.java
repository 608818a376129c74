package org.pfptracker.launcher.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.gateway.config.GatewaySettings;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.launcher.local.LocalSettings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.serde.EventSerdes;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.registry.RegistryConfig;
import org.pfptracker.simulator.config.SimulatorSettings;
import org.pfptracker.tracker.config.TrackerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints every setting with its environment variable, its type, its effective value and what it does. */
@Command(name = "config", description = "List every setting, its environment variable, type, current value and meaning.")
public final class ConfigCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    /** Every option of every role, from their declarations: what a process of each role reads. */
    public static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>(KafkaSettings.ALL);
        all.add(EventSerdes.AUTO_REGISTER_SCHEMAS);
        all.add(EventPublisher.DELIVERY_TIMEOUT);
        all.add(EventPublisher.LINGER);
        all.addAll(AccessSettings.OPTIONS);
        all.addAll(LocalSettings.ALL);
        all.addAll(RegistryConfig.SETTINGS);
        all.addAll(TrackerSettings.ALL);
        all.addAll(GatewaySettings.ALL);
        all.addAll(SimulatorSettings.ALL);
        return all;
    }

    @Override
    public Integer call() {
        Settings settings = options.load();
        for (Setting<?> setting : all()) {
            System.out.printf("%-28s %-34s = %s%n    %s [%s]%n", setting.key(), setting.environmentVariable(),
                    shown(setting, settings), setting.doc(), setting.describe());
        }
        System.out.println("Any kafka.client.* key (env PFP_KAFKA_CLIENT_*) is passed to every Kafka client, "
                + "e.g. kafka.client.security.protocol=SASL_SSL; any schema.registry.client.* key to every schema"
                + " registry client and serde, e.g. schema.registry.client.bearer.auth.token.");
        return 0;
    }

    /**
     * What the listing shows as the option's value. A secret's value is never printed: a terminal's
     * scroll-back and a pasted bug report keep it.
     */
    static String shown(Setting<?> setting, Settings settings) {
        return settings.text(setting).map(value -> setting.secret() ? "(set, hidden)" : value)
                .orElse(setting.required() ? "(required, unset)" : "(unset)");
    }
}
