package org.pfptracker.platform.event;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.EventMetadata;

/** Reads what every event shares, whatever its type: each event schema has a {@code metadata} field. */
public final class Events {

    private static final String METADATA_FIELD = "metadata";

    private Events() {
    }

    /** The event's metadata; fails for a record without the shared metadata field. */
    public static EventMetadata metadataOf(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField(METADATA_FIELD);
        if (field == null || !(event.get(field.pos()) instanceof EventMetadata metadata)) {
            throw new IllegalArgumentException(event.getSchema().getFullName()
                    + " has no '" + METADATA_FIELD + "' field of type EventMetadata");
        }
        return metadata;
    }

    /** The partner an event is about, which is also its record key. */
    public static String partnerIdOf(SpecificRecord event) {
        return metadataOf(event).getPartnerId();
    }
}
