package org.pfptracker.launcher.local;

import java.util.List;
import java.util.Locale;
import org.pfptracker.platform.config.ConfigurationException;
import org.pfptracker.platform.config.Setting;
import org.pfptracker.platform.config.Settings;

/** Options of the local stack itself, beside those of the services it runs. */
public final class LocalSettings {

    public static final Setting KAFKA_SECURED = new Setting("local.kafka.secured", "false",
            "pfp local: run the embedded broker with SASL_SSL, SCRAM-SHA-512 and ACLs, each component logging in as"
                    + " its own Kafka user (the same as --secure-kafka). Needs a data directory made secured.");

    public static final List<Setting> ALL = List.of(KAFKA_SECURED);

    private LocalSettings() {
    }

    /** Whether the stack's broker runs secured; anything but true or false is refused, not read as false. */
    public static boolean kafkaSecured(Settings settings) {
        String value = settings.get(KAFKA_SECURED).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException("Setting '" + KAFKA_SECURED.key()
                    + "' must be true or false, was '" + value + "'");
        };
    }
}
