package org.pfptracker.launcher.local;

import java.util.List;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;

/** Options of the local stack itself, beside those of the services it runs. */
public final class LocalSettings {

    public static final Setting<Boolean> KAFKA_SECURED = Setting.bool("local.kafka.secured",
            "pfp local: run the embedded broker with SASL_SSL, SCRAM-SHA-512 and ACLs, each component logging in as"
                    + " its own Kafka user (the same as --secure-kafka). Needs a data directory made secured.")
            .withDefault(false);

    public static final List<Setting<?>> ALL = List.of(KAFKA_SECURED);

    private LocalSettings() {
    }

    /** Whether the stack's broker runs secured; anything but true or false is refused, not read as false. */
    public static boolean kafkaSecured(Settings settings) {
        return settings.get(KAFKA_SECURED);
    }
}
