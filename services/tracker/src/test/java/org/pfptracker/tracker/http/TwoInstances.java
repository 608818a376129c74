package org.pfptracker.tracker.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.apache.kafka.streams.state.HostInfo;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.query.ViewFixtures;

/**
 * Two query APIs in this JVM, A and B, each with its own fake stores and fake Kafka Streams metadata:
 * real HTTP between them, so forwarding, standby reads and loop prevention are exercised for real,
 * without a broker.
 */
final class TwoInstances implements AutoCloseable {

    static final Duration FORWARD_TIMEOUT = Duration.ofMillis(500);
    /** The secret both instances share, as every instance of one tracker must. */
    static final String PEER_SECRET = "two-instances-share-this-secret";
    static final ObjectMapper JSON = JsonSerde.mapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The day the instances think it is, so "today" is the fixtures' as-of date. */
    private static final Clock CLOCK = Clock.fixed(ViewFixtures.AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant(),
            ZoneOffset.UTC);

    final Instance a;
    final Instance b;

    TwoInstances() {
        a = Instance.start();
        b = Instance.start();
    }

    /** An address where nothing listens: connections are refused at once. */
    static HostInfo deadInstance() {
        return new HostInfo("127.0.0.1", freePort());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        a.server.close();
        b.server.close();
    }

    /** One instance: its server, its stores, its view of where partners live. */
    static final class Instance {
        final FakeRouting routing = new FakeRouting();
        final FakeViews views = new FakeViews();
        final HostInfo host;
        final TrackerHttpServer server;

        private Instance(HostInfo host) {
            this.host = host;
            routing.self(host);
            server = TrackerHttpServer.start(new HttpOptions(host.host(), host.port(), FORWARD_TIMEOUT,
                    Duration.ofSeconds(3), CLOCK, AccessControl.of(AccessSettings.off(), "pfp-tracker", "test"),
                    PEER_SECRET), views, routing);
        }

        static Instance start() {
            return new Instance(new HostInfo("127.0.0.1", freePort()));
        }

        String address() {
            return host.host() + ":" + host.port();
        }

        HttpResponse<String> get(String pathAndQuery, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + address() + pathAndQuery)).GET();
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
    }

    /** The headers of a request forwarded by {@code from}, proven with the shared secret. */
    static String[] forwardedBy(Instance from, String pathAndQuery, String... more) {
        String[] headers = new String[4 + more.length];
        headers[0] = "X-PFP-Forwarded-By";
        headers[1] = from.address();
        headers[2] = PeerProof.HEADER;
        headers[3] = new PeerProof(PEER_SECRET, CLOCK).sign("GET", pathAndQuery);
        System.arraycopy(more, 0, headers, 4, more.length);
        return headers;
    }
}
