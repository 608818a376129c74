package org.pfptracker.kafka.embedded;

/** The embedded Kafka node could not be started or stopped; the message says why. */
public class EmbeddedKafkaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedKafkaException(String message) {
        super(message);
    }

    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For expected failures whose message says everything: no stack trace is recorded. */
    protected EmbeddedKafkaException(String message, boolean withStackTrace) {
        super(message, null, false, withStackTrace);
    }
}
