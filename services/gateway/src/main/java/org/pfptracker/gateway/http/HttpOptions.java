package org.pfptracker.gateway.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway's HTTP API runs.
 *
 * @param host interface to listen on
 * @param port port, 0 for a free one
 * @param maxBodyBytes largest command body accepted
 * @param answerTimeout the longest a request waits for Kafka to acknowledge its event
 * @param source what goes into metadata.source of the events published
 */
public record HttpOptions(String host, int port, int maxBodyBytes, Duration answerTimeout, String source) {

    public HttpOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(source, "source");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
    }
}
