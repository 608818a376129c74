package org.pfptracker.gateway.command;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The fields a command's body may hold, read from the Avro schema of the record it becomes rather than
 * listed by hand: a field added to an event schema (with a default, as the compatibility policy wants) is
 * accepted, and carried into the event by {@link CommandBody#withSchemaFields}, without an edit here.
 */
public final class EventFields {

    /** Every event's shared metadata: the gateway fills it (event id, time, source, partner), a body never does. */
    public static final String METADATA = "metadata";

    private EventFields() {
    }

    /** The schema a generated record class was made from. */
    public static Schema schemaOf(Class<? extends SpecificRecord> recordClass) {
        return SpecificData.get().getSchema(recordClass);
    }

    /** The record's fields but metadata, in schema order. */
    public static List<String> of(Class<? extends SpecificRecord> recordClass) {
        return of(schemaOf(recordClass));
    }

    /** The record's fields but metadata, in schema order. */
    public static List<String> of(Schema record) {
        return record.getFields().stream().map(Schema.Field::name).filter(name -> !name.equals(METADATA)).toList();
    }
}
