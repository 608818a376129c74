package org.pfptracker.faults.load;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.pfptracker.faults.cluster.Service;

/**
 * The tracker instances a load balancer would send readers to: those whose {@code /health/ready} answered
 * 200 at its last check, every half second. A killed instance stays in rotation until the next check, as
 * behind a real load balancer.
 */
public final class Rotation implements Supplier<List<String>>, AutoCloseable {

    private final List<Service> trackers;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(LoadClient.daemon("rotation"));
    private volatile List<String> ready = List.of();

    public Rotation(List<Service> trackers) {
        this.trackers = List.copyOf(trackers);
        check();
        checks.scheduleWithFixedDelay(this::check, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void check() {
        ready = trackers.stream().filter(Service::isReady).map(Service::url).toList();
    }

    @Override
    public List<String> get() {
        return ready;
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
