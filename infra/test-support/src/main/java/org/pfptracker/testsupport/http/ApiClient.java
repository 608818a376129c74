package org.pfptracker.testsupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP client for one of our APIs (gateway, tracker, registry), as a non-JVM system would call it: JSON
 * in and out, an optional Authorization header (e.g. {@link TestTokens#staff()}) sent with every request that
 * names none of its own. Thread-safe.
 */
public final class ApiClient {

    public static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;
    private final Duration timeout;

    private ApiClient(String base, String authorization, Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    /** A client of {@code http://127.0.0.1:<port>}, sending no credentials. */
    public static ApiClient onPort(int port) {
        return at("http://127.0.0.1:" + port);
    }

    /** A client of this base URL (scheme, host and port), sending no credentials. */
    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl, null, TIMEOUT);
    }

    /** The same client, sending this Authorization header value (e.g. {@code Bearer ...}). */
    public ApiClient withAuthorization(String headerValue) {
        return new ApiClient(base, headerValue, timeout);
    }

    /** The same client, giving up on each answer after this long (30 s unless set): for probes during a fault. */
    public ApiClient withTimeout(Duration answerTimeout) {
        return new ApiClient(base, authorization, answerTimeout);
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    /** POSTs JSON, with header name/value pairs. */
    public HttpResponse<String> post(String path, String json, String... headers) {
        return send("POST", path, json, JSON_TYPE, headers);
    }

    /** POSTs JSON from a publisher, e.g. one of unknown length, which the client sends chunked. */
    public HttpResponse<String> postStreamed(String path, HttpRequest.BodyPublisher json, String... headers) {
        return exchange("POST", path, json, JSON_TYPE, headers);
    }

    /** PUTs JSON, with header name/value pairs. */
    public HttpResponse<String> put(String path, String json, String... headers) {
        return send("PUT", path, json, JSON_TYPE, headers);
    }

    /** The status of a GET, or -1 when nothing answered (not started yet, or stopped): for polling. */
    public int status(String path) {
        try {
            return HTTP.send(request("GET", path, HttpRequest.BodyPublishers.noBody(), null).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Any request; a {@code null} body sends none, a {@code null} content type no Content-Type. */
    public HttpResponse<String> send(String method, String path, String body, String contentType, String... headers) {
        return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), contentType, headers);
    }

    private HttpResponse<String> exchange(String method, String path, HttpRequest.BodyPublisher body,
                                          String contentType, String... headers) {
        try {
            return HTTP.send(request(method, path, body, contentType, headers).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String method, String path, HttpRequest.BodyPublisher body,
                                        String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(timeout).method(method, body);
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
        return request;
    }

    /** The response body as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    /** Test JSON written with single quotes, for readability: {@code json("{'title': 'x'}")}. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
