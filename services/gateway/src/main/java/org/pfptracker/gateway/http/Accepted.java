package org.pfptracker.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.platform.event.Events;
import org.pfptracker.publisher.PublishReceipt;

/**
 * The body of a 202: the event a command became, and where Kafka holds it now that every in-sync replica
 * has acknowledged it.
 *
 * @param eventId the event's id (derived from the Idempotency-Key when one was sent)
 * @param eventType the event's record name, e.g. ActivityProposed
 * @param partnerId the partner the event is about (the host, for an exercise), also its record key
 * @param activityId the activity, for activity events (generated when the client gave none)
 * @param exerciseId the exercise, for exercise events (generated when the client gave none)
 * @param programmeId the programme, for programme events (generated when the client gave none)
 * @param objectiveId the objective, for an ObjectiveAchieved
 * @param occurredAt the event time recorded (the time received when the client gave none)
 * @param topic the topic written to
 * @param partition the partition written to
 * @param offset the offset of the record in that partition
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Accepted(String eventId, String eventType, String partnerId, String activityId, String exerciseId,
                       String programmeId, String objectiveId, Instant occurredAt, String topic, int partition,
                       long offset) {

    /** The answer for an event Kafka acknowledged with this receipt. */
    public static Accepted of(SpecificRecord event, PublishReceipt receipt) {
        EventMetadata metadata = Events.metadataOf(event);
        return new Accepted(metadata.getEventId().toString(), event.getSchema().getName(), metadata.getPartnerId(),
                idField(event, "activityId"), idField(event, "exerciseId"), idField(event, "programmeId"),
                idField(event, "objectiveId"), metadata.getOccurredAt(), receipt.topic(), receipt.partition(),
                receipt.offset());
    }

    private static String idField(SpecificRecord event, String name) {
        Schema.Field field = event.getSchema().getField(name);
        return field == null ? null : String.valueOf(event.get(field.pos()));
    }
}
