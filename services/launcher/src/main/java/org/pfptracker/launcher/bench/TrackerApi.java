package org.pfptracker.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.pfptracker.platform.serde.JsonSerde;

/** The few calls the benchmark makes to one tracker instance's HTTP API, outside the load itself. */
final class TrackerApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    /** The tracker on this port, asked with this Authorization header value. */
    TrackerApi(int port, String authorization) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    String baseUrl() {
        return baseUrl;
    }

    String authorization() {
        return authorization;
    }

    /** The status of a GET, or -1 when nothing answered (the server not listening yet). */
    int status(String path) throws InterruptedException {
        try {
            return http.send(get(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The partner view's {@code freshness.eventsApplied}, or -1 when the view does not answer 200. */
    long eventsApplied(String partnerId) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(get("/api/v1/partners/" + partnerId),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            JsonNode applied = JsonSerde.mapper().readTree(response.body()).at("/freshness/eventsApplied");
            return applied.isNumber() ? applied.asLong() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private HttpRequest get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }
}
