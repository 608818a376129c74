package org.pfptracker.faults.scenario;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pfptracker.faults.cluster.Service;
import org.pfptracker.faults.cluster.SystemUnderTest;
import org.pfptracker.testsupport.http.ApiClient;

/**
 * What a scenario does to the system, and the one figure it measures as it goes: after each fault, how
 * long until every partner's view answered 200 again from every instance in rotation.
 */
public final class FaultContext {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RECOVERY_PATIENCE = Duration.ofSeconds(300);

    private final SystemUnderTest system;
    private final List<String> partners;
    private final String readerToken;
    private final Duration outage;
    private final List<Duration> recoveries = new ArrayList<>();

    FaultContext(SystemUnderTest system, List<String> partners, String readerToken, Duration outage) {
        this.system = system;
        this.partners = partners;
        this.readerToken = readerToken;
        this.outage = outage;
    }

    public SystemUnderTest system() {
        return system;
    }

    /** How long a broker stays away or a network stays broken (a parameter: short in CI). */
    public Duration outage() {
        return outage;
    }

    /** The fault lasts this long: time passing is the fault, not a wait for a condition. */
    public void hold(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every view answers 200 from every tracker in rotation; records how long since {@code since}. */
    public Duration awaitAllViewsQueryable(long since) {
        await("every view queryable again").atMost(RECOVERY_PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(this::allViewsQueryable);
        Duration took = Duration.ofNanos(System.nanoTime() - since);
        recoveries.add(took);
        return took;
    }

    private boolean allViewsQueryable() {
        for (Service tracker : system.trackers()) {
            if (!tracker.process().isAlive()) {
                continue;
            }
            for (String partner : partners) {
                if (ask(tracker, partner) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Which instance serves each partner's view now (the X-PFP-Served-By of an answer). */
    public Map<String, String> servingInstances() {
        Map<String, String> servedBy = new HashMap<>();
        Service asked = system.trackers().stream().filter(tracker -> tracker.process().isAlive()).findFirst().orElseThrow();
        for (String partner : partners) {
            String instance = ask(asked, partner);
            if (instance != null) {
                servedBy.put(partner, instance);
            }
        }
        return servedBy;
    }

    /** The tracker whose address an X-PFP-Served-By names. */
    public Service trackerAt(String instance) {
        return system.trackers().stream().filter(tracker -> instance.contains(":" + tracker.url().replaceAll(".*:", "")))
                .findFirst().orElseThrow(() -> new IllegalStateException("No tracker at " + instance));
    }

    /** The served-by header of a 200 answer, or null when the view was not served. */
    private String ask(Service tracker, String partner) {
        try {
            HttpResponse<String> response = ApiClient.at(tracker.url()).withAuthorization("Bearer " + readerToken)
                    .withTimeout(PROBE_TIMEOUT).get("/api/v1/partners/" + partner);
            return response.statusCode() == 200 ? response.headers().firstValue("X-PFP-Served-By").orElse("?") : null;
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    /** Deletes a directory tree: a tracker's disk lost while it is down. */
    public void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Duration> recoveries() {
        return recoveries;
    }
}
