package org.pfptracker.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the gateway, as a non-JVM upstream system would use it. */
public final class GatewayClient {

    public static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    /** A client sending no credentials. */
    public GatewayClient(int port) {
        this(port, null);
    }

    /** A client sending this Authorization header value with every request that names none of its own. */
    public GatewayClient(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    /** POSTs JSON, with header name/value pairs. */
    public HttpResponse<String> post(String path, String json, String... headers) {
        return send("POST", path, json, JSON_TYPE, headers);
    }

    /** PUTs JSON, with header name/value pairs. */
    public HttpResponse<String> put(String path, String json, String... headers) {
        return send("PUT", path, json, JSON_TYPE, headers);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    /** Any request; a {@code null} body sends none, a {@code null} content type no Content-Type. */
    public HttpResponse<String> send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        boolean ownAuthorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (authorization != null && !ownAuthorization) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The response body as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    /** Test JSON written with single quotes, for readability. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
