package org.pfptracker.registry.serde;

import org.apache.avro.Schema;

/**
 * The schema's full name, e.g. {@code org.pfptracker.event.PartnerJoined}: one subject per event
 * type, whatever topics it is written to, so a topic may carry several event types.
 */
public final class RecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return schema.getFullName();
    }
}
