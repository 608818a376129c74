package org.pfptracker.platform.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.registry.serde.SpecificAvroSerde;
import org.pfptracker.signal.PacePhaseChanged;
import org.pfptracker.view.PartnerView;

/**
 * The serdes of event values: Avro in the Confluent wire format, schemas in the registry.
 *
 * <p>The configuration uses Confluent's own keys, so an operator may swap Confluent's serde in by
 * configuration alone.
 */
public final class EventSerdes {

    public static final Setting<Boolean> AUTO_REGISTER_SCHEMAS = Setting.bool("schema.auto.register",
            "Whether publishers register new event schemas themselves; set false where schemas are registered "
                    + "by the deploy pipeline ('pfp schemas register').").withDefault(true);

    /**
     * Several event types share a topic, so each type's schema has its own subject
     * {@code <topic>-<record full name>}.
     */
    static final String SUBJECT_NAME_STRATEGY = "org.pfptracker.registry.serde.TopicRecordNameStrategy";

    private EventSerdes() {
    }

    /** Serde configuration for event values, from the process settings. */
    public static Map<String, Object> config(Settings settings) {
        // The URL and how the registry client authenticates (Confluent's keys, so Confluent's serde reads them too).
        Map<String, Object> config = new HashMap<>(KafkaSettings.registryClientConfig(settings));
        config.put("auto.register.schemas", settings.get(AUTO_REGISTER_SCHEMAS));
        config.put("specific.avro.reader", "true");
        config.put("value.subject.name.strategy", SUBJECT_NAME_STRATEGY);
        // Avro 1.12 decodes only into trusted packages: every reader of our records trusts theirs (events, and
        // the tracker's views and signals).
        config.put("avro.trusted.packages", String.join(",", EventMetadata.class.getPackageName(),
                PartnerView.class.getPackageName(), PacePhaseChanged.class.getPackageName()));
        return config;
    }

    /** A configured serde for event values of any type in the catalogue. */
    public static Serde<SpecificRecord> eventValues(Settings settings) {
        return eventValues(config(settings));
    }

    /** A serde for event values with an explicit configuration (tests, tools). */
    public static Serde<SpecificRecord> eventValues(Map<String, Object> config) {
        SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return serde;
    }
}
