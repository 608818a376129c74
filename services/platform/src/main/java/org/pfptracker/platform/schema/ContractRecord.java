package org.pfptracker.platform.schema;

import java.util.ArrayList;
import java.util.List;
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
 * @param recordClass the generated Avro class
 * @param topic the topic it is written to
 */
public record ContractRecord(Class<? extends SpecificRecord> recordClass, String topic) {

    /** Every record of the contract: the event catalogue, then the tracker's outputs. */
    public static List<ContractRecord> all() {
        List<ContractRecord> all = new ArrayList<>();
        EventCatalogue.ALL.forEach(type -> all.add(new ContractRecord(type.recordClass(), type.topic())));
        all.add(new ContractRecord(PartnerView.class, Topics.PARTNER_VIEWS));
        all.add(new ContractRecord(PacePhaseChanged.class, Topics.PARTNER_SIGNALS));
        all.add(new ContractRecord(ObjectiveBecameOverdue.class, Topics.PARTNER_SIGNALS));
        return List.copyOf(all);
    }

    /** Its registry subject. */
    public String subject() {
        return topic + "-" + recordClass.getName();
    }

    /** The schema of this build. */
    public Schema schema() {
        return SpecificData.get().getSchema(recordClass);
    }
}
