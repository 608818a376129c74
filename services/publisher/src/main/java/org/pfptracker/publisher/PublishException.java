package org.pfptracker.publisher;

/** An event was not accepted by Kafka (or could not be serialised); it may be retried with the same id. */
public final class PublishException extends RuntimeException {

    private final String eventId;

    public PublishException(String eventId, String topic, Throwable cause) {
        super("Event " + eventId + " was not accepted on " + topic + ": " + cause.getMessage(), cause);
        this.eventId = eventId;
    }

    public String eventId() {
        return eventId;
    }
}
