package org.pfptracker.registry.serde;

import org.apache.avro.Schema;

/**
 * {@code <topic>-<full name>}, e.g. {@code partners-org.pfptracker.event.PartnerJoined}: several event
 * types per topic, each evolving on its own within that topic.
 */
public final class TopicRecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + "-" + schema.getFullName();
    }
}
