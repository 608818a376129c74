package org.pfptracker.launcher.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.core.config.Validator;

/** Options of the local stack itself, beside those of the services it runs. */
public final class LocalSettings {

    public static final Setting<Boolean> KAFKA_SECURED = Setting.bool("local.kafka.secured",
            "pfp local: run the embedded broker with SASL_SSL, SCRAM-SHA-512 and ACLs, each component logging in as"
                    + " its own Kafka user (the same as --secure-kafka). Needs a data directory made secured.")
            .withDefault(false);
    public static final Setting<Duration> KAFKA_SESSION_TIMEOUT = Setting.duration("local.kafka.session.timeout",
            "pfp local: how long the embedded KRaft controller keeps the registration of a broker that stopped"
                    + " heartbeating (broker.session.timeout.ms; Kafka's default is 9s). After a kill -9 the restarted"
                    + " broker may not register again before it expires, so the stack's start waits up to that long."
                    + " Too short, a busy machine delays a heartbeat past it and the broker is fenced: every"
                    + " partition goes offline until the next heartbeat.")
            .withDefault(Duration.ofSeconds(4)).validatedBy(Validator.of("at least 1s",
                    timeout -> timeout.compareTo(Duration.ofSeconds(1)) >= 0));
    public static final Setting<Integer> KAFKA_RECOVERY_THREADS = Setting.integer("local.kafka.recovery.threads",
            "pfp local: threads with which the embedded broker checks its logs after an unclean stop (kill -9, a"
                    + " crash) and flushes them on a clean one (num.recovery.threads.per.data.dir; Kafka's default is"
                    + " 2). Default: the number of cores.")
            .withDefault(Math.max(2, Runtime.getRuntime().availableProcessors())).validatedBy(Validator.atLeast(1));

    public static final List<Setting<?>> ALL = List.of(KAFKA_SECURED, KAFKA_SESSION_TIMEOUT, KAFKA_RECOVERY_THREADS);

    /** Heartbeats per broker session: one lost heartbeat must not fence the broker. */
    private static final int HEARTBEATS_PER_SESSION = 4;

    private LocalSettings() {
    }

    /** Whether the stack's broker runs secured; anything but true or false is refused, not read as false. */
    public static boolean kafkaSecured(Settings settings) {
        return settings.get(KAFKA_SECURED);
    }

    /** The embedded broker's server properties these settings decide: how soon it starts again after a kill. */
    static Map<String, String> brokerOverrides(Settings settings) {
        long session = settings.get(KAFKA_SESSION_TIMEOUT).toMillis();
        return Map.of("broker.session.timeout.ms", String.valueOf(session),
                "broker.heartbeat.interval.ms", String.valueOf(Math.max(100, session / HEARTBEATS_PER_SESSION)),
                "num.recovery.threads.per.data.dir", String.valueOf(settings.get(KAFKA_RECOVERY_THREADS)));
    }
}
