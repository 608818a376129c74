package org.pfptracker.tracker.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pfptracker.platform.serde.JsonSerde;

/**
 * What another instance answered, kept as bytes: a forwarded answer is relayed as it came.
 *
 * @param status the HTTP status
 * @param contentType its content type, if any
 * @param body the body, unparsed
 * @param headers the tracker's own headers worth relaying (served by, stale, Retry-After)
 */
record PeerAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

    private static final List<String> RELAYED = List.of(QueryHeaders.SERVED_BY, QueryHeaders.STALE,
            QueryHeaders.RETRY_AFTER);

    PeerAnswer {
        headers = Map.copyOf(headers);
    }

    static PeerAnswer of(HttpResponse<byte[]> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : RELAYED) {
            response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
        }
        return new PeerAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body(), headers);
    }

    /** Whether the instance could not answer now (starting, rebalancing, broken): another copy may. */
    boolean unavailable() {
        return status >= 500;
    }

    /** The detail of the problem the instance answered with, or its status when the body says nothing. */
    String reason() {
        try {
            JsonNode detail = JsonSerde.mapper().readTree(body).get("detail");
            if (detail != null && detail.isTextual()) {
                return status + " (" + detail.asText() + ")";
            }
        } catch (IOException | RuntimeException e) {
            // Not a problem body: the status says enough.
        }
        return Integer.toString(status);
    }
}
