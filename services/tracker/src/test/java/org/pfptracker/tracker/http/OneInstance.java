package org.pfptracker.tracker.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.tracker.stream.StreamOptions;

/** One query API with fake stores and routing, its change stream options as a test needs them. */
final class OneInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final FakeRouting routing = new FakeRouting();
    final FakeViews views = new FakeViews();
    final HostInfo host = new HostInfo("127.0.0.1", TwoInstances.freePort());
    final TrackerHttpServer server;

    OneInstance(StreamOptions stream) {
        this(stream, AccessControl.of(AccessSettings.off(), "pfp-tracker", "test"));
    }

    OneInstance(StreamOptions stream, AccessControl access) {
        routing.self(host);
        server = TrackerHttpServer.start(new HttpOptions(host.host(), host.port(), Duration.ofMillis(500),
                        Duration.ofSeconds(3), Clock.systemUTC(), access, "one-instance-test-secret"), stream,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), views, routing);
    }

    String url(String path) {
        return "http://" + host.host() + ":" + host.port() + path;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    /** A request with another method and no body. */
    HttpResponse<String> request(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request whose body is read as it comes: for the change stream, which never ends by itself. */
    HttpResponse<InputStream> open(String path, String... headers) {
        return send(path, HttpResponse.BodyHandlers.ofInputStream(), headers);
    }

    private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
