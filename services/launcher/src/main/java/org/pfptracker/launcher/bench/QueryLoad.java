package org.pfptracker.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop HTTP load on the tracker: each client sends a request, waits for the whole answer, and
 * sends the next, for a fixed time. One HTTP/1.1 client (one kept-alive connection) per client thread,
 * as that many dashboards would hold.
 */
final class QueryLoad {

    /** Not counted: by then the server's code paths for the endpoint are compiled. */
    private static final Duration WARM_UP = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final String authorization;
    private final List<HttpClient> clients = new ArrayList<>();

    /** Clients of the server at the URL, each request carrying the Authorization header value. */
    QueryLoad(String baseUrl, String authorization, int clients) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        for (int i = 0; i < clients; i++) {
            this.clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(REQUEST_TIMEOUT).build());
        }
    }

    /** Warms the endpoint up, then loads it with every client for the given time. */
    QueryFigures measure(QueryEndpoint endpoint, Duration time) {
        load(endpoint, WARM_UP);
        return load(endpoint, time);
    }

    private QueryFigures load(QueryEndpoint endpoint, Duration time) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(clients.size(), runnable -> {
            Thread thread = new Thread(runnable, "pfp-bench-client-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            long started = System.nanoTime();
            long deadline = started + time.toNanos();
            List<Future<Tally>> tallies = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                HttpClient client = clients.get(i);
                // Each client starts at another partner, so that they do not all ask for the same one at once.
                int first = i;
                tallies.add(workers.submit(() -> requestUntil(client, endpoint, first, deadline)));
            }
            List<Latencies> latencies = new ArrayList<>();
            long errors = 0;
            for (Future<Tally> tally : tallies) {
                latencies.add(tally.get().latencies());
                errors += tally.get().errors();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            long[] sorted = Latencies.merged(latencies);
            return new QueryFigures(sorted.length, errors, took, Latencies.percentile(sorted, 50),
                    Latencies.percentile(sorted, 99));
        } catch (ExecutionException e) {
            throw new IllegalStateException("A query client failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading " + endpoint.label(), e);
        } finally {
            workers.shutdownNow();
        }
    }

    private Tally requestUntil(HttpClient client, QueryEndpoint endpoint, int first, long deadline)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        long errors = 0;
        for (int request = first; System.nanoTime() < deadline; request++) {
            HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(baseUrl + endpoint.pathOfRequest().apply(request)))
                    .timeout(REQUEST_TIMEOUT).GET();
            if (authorization != null) {
                get.header("Authorization", authorization);
            }
            long sent = System.nanoTime();
            try {
                // The body is read to its end: a latency is the whole answer, not its first line.
                int status = client.send(get.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                latencies.add(System.nanoTime() - sent);
                if (status / 100 != 2) {
                    errors++;
                }
            } catch (IOException e) {
                errors++;
            }
        }
        return new Tally(latencies, errors);
    }

    private record Tally(Latencies latencies, long errors) {
    }
}
