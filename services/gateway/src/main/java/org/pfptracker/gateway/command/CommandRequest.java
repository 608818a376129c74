package org.pfptracker.gateway.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything one command is made from.
 *
 * @param pathParams the path parameters of the request (partnerId, activityId...), already checked for form
 * @param body the JSON body; an empty body is an empty object
 * @param eventId the id the resulting event gets: derived from the Idempotency-Key when there is one
 * @param receivedAt when the gateway received the command: the default occurredAt
 * @param source what goes into the event's metadata.source
 */
public record CommandRequest(Map<String, String> pathParams, ObjectNode body, UUID eventId, Instant receivedAt,
                             String source) {

    public CommandRequest {
        pathParams = Map.copyOf(pathParams);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(source, "source");
    }

    /** A path parameter the route declares; its absence is a programming error. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("Route has no path parameter '" + name + "'");
        }
        return value;
    }

    /**
     * An id for a new activity, exercise or programme whose client gave none. Derived from the event id,
     * so a retried request (same Idempotency-Key, same event id) names the same activity again.
     */
    public String generatedId(String kind) {
        return UUID.nameUUIDFromBytes((eventId + "/" + kind).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
