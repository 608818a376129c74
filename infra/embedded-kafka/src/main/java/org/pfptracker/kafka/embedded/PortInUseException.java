package org.pfptracker.kafka.embedded;

/**
 * A port the embedded Kafka node needs is taken, most often by another Kafka. An expected
 * situation on a developer's machine: the message names the port and how to pick another, and no
 * stack trace is recorded, so that printing the message is enough.
 */
public final class PortInUseException extends EmbeddedKafkaException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;
    private final String listener;

    PortInUseException(String host, int port, String listener, String configComponent) {
        super("Port " + port + " on " + host + " is already in use, so the embedded Kafka " + listener
                + " cannot listen there. Stop the process that holds it (see `ss -ltnp 'sport = :" + port
                + "'`), or choose another port (EmbeddedKafkaConfig." + configComponent + ").", false);
        this.host = host;
        this.port = port;
        this.listener = listener;
    }

    /** The host the node was to listen on. */
    public String host() {
        return host;
    }

    /** The port that is taken. */
    public int port() {
        return port;
    }

    /** Which of the node's listeners wanted it: {@code "broker"} or {@code "controller"}. */
    public String listener() {
        return listener;
    }
}
