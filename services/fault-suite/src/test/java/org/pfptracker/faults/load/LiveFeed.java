package org.pfptracker.faults.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A page holding the live feed ({@code GET /api/v1/stream}) open the whole run, as the dashboard does: when
 * its connection drops it connects again to another instance in rotation, and (like the dashboard) treats
 * every new connection and every {@code resync} as "re-read everything". Records what it was told and when.
 */
public final class LiveFeed implements AutoCloseable {

    /** What the page heard: a partner changed, or everything must be re-read (hello after a reconnect, resync). */
    public record Notice(Instant at, String partnerId, boolean everything) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Supplier<List<String>> inRotation;
    private final Supplier<String> token;
    private final Queue<Notice> notices = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(LoadClient.daemon("live-feed"));
    private volatile int connections;

    public LiveFeed(Supplier<List<String>> inRotation, Supplier<String> token) {
        this.inRotation = inRotation;
        this.token = token;
        thread.submit(this::follow);
    }

    private void follow() {
        int next = 0;
        while (running.get()) {
            List<String> trackers = inRotation.get();
            if (!trackers.isEmpty()) {
                listen(trackers.get(next++ % trackers.size()));
            }
            try {
                Thread.sleep(500); // the page's reconnection delay
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void listen(String tracker) {
        try {
            HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(tracker + "/api/v1/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token.get()).build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                return;
            }
            connections++;
            String event = null;
            Iterator<String> lines = response.body().iterator();
            while (running.get() && lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && event != null) {
                    String data = line.substring(5).trim();
                    if (event.equals("partner-changed")) {
                        notices.add(new Notice(Instant.now(), partnerOf(data), false));
                    } else if (event.equals("hello") || event.equals("resync")) {
                        notices.add(new Notice(Instant.now(), null, true));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The instance went away: connect to another.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String partnerOf(String json) {
        int start = json.indexOf("\"partnerId\":\"");
        if (start < 0) {
            return null;
        }
        start += "\"partnerId\":\"".length();
        return json.substring(start, json.indexOf('"', start));
    }

    public List<Notice> notices() {
        return List.copyOf(notices);
    }

    public int connections() {
        return connections;
    }

    @Override
    public void close() {
        running.set(false);
        thread.shutdownNow();
    }
}
