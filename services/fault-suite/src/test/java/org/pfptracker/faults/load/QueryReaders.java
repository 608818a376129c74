package org.pfptracker.faults.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Readers asking for partner views all the time, each time of a random tracker instance in rotation (as
 * behind a load balancer that drops an instance whose process is gone), recording every answer.
 */
public final class QueryReaders implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Supplier<List<String>> inRotation;
    private final Supplier<String> token;
    private final List<String> partners;
    private final Queue<QueryAnswer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService readers;

    public QueryReaders(Supplier<List<String>> inRotation, Supplier<String> token, List<String> partners, int count) {
        this.inRotation = inRotation;
        this.token = token;
        this.partners = List.copyOf(partners);
        this.readers = Executors.newFixedThreadPool(count, LoadClient.daemon("query-reader"));
        for (int i = 0; i < count; i++) {
            long seed = i;
            readers.submit(() -> read(new Random(seed)));
        }
    }

    private void read(Random random) {
        while (running.get()) {
            List<String> trackers = inRotation.get();
            if (!trackers.isEmpty()) {
                String tracker = trackers.get(random.nextInt(trackers.size()));
                answers.add(ask(tracker, partners.get(random.nextInt(partners.size()))));
            }
            try {
                Thread.sleep(100); // pacing the readers
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private QueryAnswer ask(String tracker, String partner) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(tracker + "/api/v1/partners/" + partner))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + token.get()).build(),
                    HttpResponse.BodyHandlers.discarding());
            return new QueryAnswer(at, tracker, response.statusCode(), millisSince(started),
                    response.headers().firstValue("Retry-After").isPresent());
        } catch (IOException e) {
            return new QueryAnswer(at, tracker, QueryAnswer.NO_ANSWER, millisSince(started), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new QueryAnswer(at, tracker, QueryAnswer.NO_ANSWER, millisSince(started), false);
        }
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    public List<QueryAnswer> answers() {
        return List.copyOf(answers);
    }

    @Override
    public void close() {
        running.set(false);
        readers.shutdownNow();
    }
}
