package org.pfptracker.gateway.http;

import java.time.Duration;
import java.util.Objects;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.server.ServerSettings;

/**
 * How the gateway's HTTP API runs.
 *
 * @param host interface to listen on
 * @param port port, 0 for a free one
 * @param maxBodyBytes largest command body accepted
 * @param answerTimeout the longest a request waits for Kafka to acknowledge its event
 * @param source what goes into metadata.source of the events published when access control is off; with
 *     it on, the client named in the caller's token
 * @param access who may call what
 * @param server limits, timeouts and TLS of the listening server
 */
public record HttpOptions(String host, int port, int maxBodyBytes, Duration answerTimeout, String source,
                          AccessControl access, ServerSettings server) {

    /** Options with access control off, which the server says at start: for tests and tools. */
    public HttpOptions(String host, int port, int maxBodyBytes, Duration answerTimeout, String source) {
        this(host, port, maxBodyBytes, answerTimeout, source, AccessControl.of(AccessSettings.off(), "pfp-gateway", source));
    }

    /** Options with the default limits and no TLS: for tests and tools. */
    public HttpOptions(String host, int port, int maxBodyBytes, Duration answerTimeout, String source,
                       AccessControl access) {
        this(host, port, maxBodyBytes, answerTimeout, source, access, ServerSettings.DEFAULTS);
    }

    /** The same options served with other limits, timeouts or TLS. */
    public HttpOptions withServer(ServerSettings settings) {
        return new HttpOptions(host, port, maxBodyBytes, answerTimeout, source, access, settings);
    }

    public HttpOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(server, "server");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
    }
}
