package org.pfptracker.registry.serde;

import org.apache.avro.Schema;

/**
 * Names the registry subject a record's schema is registered and looked up under. Implementations
 * need a public no-argument constructor to be named in configuration.
 */
@FunctionalInterface
public interface SubjectNameStrategy {

    /**
     * @param topic  the Kafka topic the record is written to or read from
     * @param isKey  whether the schema is the record key's
     * @param schema the schema being serialized
     * @return the subject, e.g. {@code partners-value}
     */
    String subjectName(String topic, boolean isKey, Schema schema);
}
