package org.pfptracker.faults.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes at a steady rate through both gateways, as a careful client would: every command carries an
 * Idempotency-Key, and a command that got no answer, a 5xx or a 429 is sent again with the same key and
 * body, to the other gateway after a pause, until it is acknowledged or its deadline passes. The gateway
 * derives the event id from the key, so a retry that reaches Kafka twice is still one event.
 *
 * <p>Each command proposes an activity of one of the partners, round robin: the effect of every
 * acknowledged command is visible in that partner's view.
 */
public final class LoadClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** A command still not acknowledged after this long is given up, and counted as such. */
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(120);
    private static final String[] AREAS = {"DEFENCE_REFORM", "CIVIL_EMERGENCY_PLANNING", "EDUCATION_AND_TRAINING",
        "DISASTER_RESPONSE", "CIVIL_MILITARY_RELATIONS"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> gateways;
    private final Supplier<String> token;
    private final List<String> partners;
    private final Queue<Acknowledgement> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService workers = Executors.newFixedThreadPool(24, daemon("load-client"));
    private final ExecutorService pacer = Executors.newSingleThreadExecutor(daemon("load-pacer"));

    public LoadClient(List<String> gateways, Supplier<String> token, List<String> partners) {
        this.gateways = List.copyOf(gateways);
        this.token = token;
        this.partners = List.copyOf(partners);
    }

    /** Joins every partner (once each, acknowledged before anything else is sent). */
    public void joinPartners() {
        for (String partner : partners) {
            String body = body(Map.of("partnerId", partner, "name", "Partner " + partner,
                    "framework", "EURO_ATLANTIC_PARTNERSHIP", "joinedOn", LocalDate.now(ZoneOffset.UTC).minusYears(1).toString()));
            if (!sendUntilAcknowledged("/api/v1/partners", partner, body)) {
                throw new IllegalStateException("Partner " + partner + " could not join");
            }
        }
    }

    /** Starts sending {@code perSecond} commands a second until {@link #stopAndDrain}. */
    public void start(int perSecond) {
        long pause = 1_000_000_000L / perSecond;
        pacer.submit(() -> {
            long next = System.nanoTime();
            long number = 0;
            while (running.get()) {
                String partner = partners.get((int) (number % partners.size()));
                String activity = "fault-" + number++;
                String body = body(Map.of("activityId", activity, "title", "Activity " + activity,
                        "area", AREAS[(int) (number % AREAS.length)]));
                workers.submit(() -> sendUntilAcknowledged("/api/v1/partners/" + partner + "/activities", partner, body));
                next += pause;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // pacing the load, not waiting for a condition
                }
            }
            return null;
        });
    }

    /** Stops sending new commands and waits for those in flight to be acknowledged or given up. */
    public void stopAndDrain() {
        running.set(false);
        pacer.shutdown();
        workers.shutdown();
        try {
            pacer.awaitTermination(10, TimeUnit.SECONDS);
            workers.awaitTermination(COMMAND_DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean sendUntilAcknowledged(String path, String partner, String body) {
        String key = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(COMMAND_DEADLINE);
        int attempt = 0;
        int gateway = (int) (sent.incrementAndGet() % gateways.size());
        while (Instant.now().isBefore(deadline)) {
            attempt++;
            if (attempt > 1) {
                retries.incrementAndGet();
                gateway = (gateway + 1) % gateways.size(); // the other gateway may be the one that is up
                pause(Math.min(2000, 100L * attempt));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateways.get(gateway) + path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + token.get())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202) {
                    JsonNode accepted = JSON.readTree(response.body());
                    acknowledged.add(new Acknowledgement(accepted.get("eventId").asText(), partner, Instant.now(), attempt));
                    return true;
                }
                if (status < 500 && status != 429) {
                    refused.incrementAndGet();
                    log.warn("Command refused with {}: {}", status, response.body());
                    return false;
                }
            } catch (IOException e) {
                // No answer: the command may or may not have been written; the same key makes a retry safe.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        givenUp.incrementAndGet();
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // a client's back-off between retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String body(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public List<Acknowledgement> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public long retries() {
        return retries.get();
    }

    public long givenUp() {
        return givenUp.get();
    }

    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        running.set(false);
        pacer.shutdownNow();
        workers.shutdownNow();
    }
}
