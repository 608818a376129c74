package org.pfptracker.platform.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.signal.ObjectiveBecameOverdue;
import org.pfptracker.signal.PacePhaseChanged;
import org.pfptracker.view.PartnerView;

/**
 * One record type of the contract and the topic it is written to: the events upstream systems publish,
 * and what the tracker publishes (views, signals). Each has its own registry subject
 * ({@code <topic>-<record full name>}, TopicRecordNameStrategy), checked and registered by
 * {@link SchemaContract}.
 *
 * @param recordClass    the generated Avro class
 * @param topic          the topic it is written to
 * @param earlierSchemas the schemas earlier releases of the project carried for it, oldest first
 *                       ({@link ReleasedSchemas} for the real contract)
 */
public record ContractRecord(Class<? extends SpecificRecord> recordClass, String topic, List<Schema> earlierSchemas) {

    /** Copies the list. */
    public ContractRecord {
        earlierSchemas = List.copyOf(earlierSchemas);
    }

    /** The record as this project released it: with the earlier schemas listed in {@link ReleasedSchemas}. */
    public ContractRecord(Class<? extends SpecificRecord> recordClass, String topic) {
        this(recordClass, topic, ReleasedSchemas.earlierThanThisBuild(recordClass.getName()));
    }

    /** Every record of the contract: the event catalogue, then the tracker's outputs. */
    public static List<ContractRecord> all() {
        List<ContractRecord> all = new ArrayList<>();
        EventCatalogue.ALL.forEach(type -> all.add(new ContractRecord(type.recordClass(), type.topic())));
        all.add(new ContractRecord(PartnerView.class, Topics.PARTNER_VIEWS));
        all.add(new ContractRecord(PacePhaseChanged.class, Topics.PARTNER_SIGNALS));
        all.add(new ContractRecord(ObjectiveBecameOverdue.class, Topics.PARTNER_SIGNALS));
        return List.copyOf(all);
    }

    /** The record of the contract whose subject this is, if any. */
    public static Optional<ContractRecord> forSubject(String subject) {
        return all().stream().filter(record -> record.subject().equals(subject)).findFirst();
    }

    /** Its registry subject. */
    public String subject() {
        return topic + "-" + recordClass.getName();
    }

    /** The schema of this build. */
    public Schema schema() {
        return SpecificData.get().getSchema(recordClass);
    }

    /**
     * Whether a schema is one this project released for the record: this build's or an earlier one.
     * Compared as parsed Avro schemas (names, types, defaults, order, properties), so layout and
     * documentation do not matter and a registry's canonical form of a released schema matches.
     */
    public boolean isReleased(Schema candidate) {
        return candidate.equals(schema()) || earlierSchemas.contains(candidate);
    }
}
