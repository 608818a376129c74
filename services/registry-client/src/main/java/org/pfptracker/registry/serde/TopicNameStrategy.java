package org.pfptracker.registry.serde;

import org.apache.avro.Schema;

/**
 * {@code <topic>-key} or {@code <topic>-value}: one evolving schema per topic. Confluent's default,
 * and ours.
 */
public final class TopicNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + (isKey ? "-key" : "-value");
    }
}
