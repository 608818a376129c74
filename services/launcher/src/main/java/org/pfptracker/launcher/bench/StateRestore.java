package org.pfptracker.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.pfptracker.core.config.Settings;
import org.pfptracker.launcher.UserFacingException;
import org.pfptracker.tracker.TrackerService;

/**
 * A tracker instance losing its disk: stopped, its state directory deleted, and started again under
 * the same application id, so that it rebuilds every store from the changelog topics before it can
 * answer. The time it takes is how long a replacement machine keeps a partner's view away.
 */
final class StateRestore {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private StateRestore() {
    }

    /**
     * Stops the tracker, deletes its state, starts a new one with the same settings and times it.
     *
     * @return the new tracker (the caller closes it) and the times
     */
    static Restarted run(TrackerService tracker, Settings trackerSettings, Path stateDirectory, String partnerId,
                         String authorization) throws InterruptedException {
        tracker.close();
        BenchWorkspace.delete(stateDirectory);
        long started = System.nanoTime();
        TrackerService restarted = TrackerService.start(trackerSettings);
        try {
            TrackerApi api = new TrackerApi(restarted.httpPort(), authorization);
            Duration ready = awaitOk(api, "/health/ready", started);
            Duration partnerView = awaitOk(api, "/api/v1/partners/" + partnerId, started);
            return new Restarted(restarted, new RestoreFigures(ready, partnerView));
        } catch (RuntimeException | InterruptedException e) {
            restarted.close();
            throw e;
        }
    }

    private static Duration awaitOk(TrackerApi api, String path, long started) throws InterruptedException {
        while (api.status(path) != 200) {
            if (System.nanoTime() - started > PATIENCE.toNanos()) {
                throw new UserFacingException("The restarted tracker did not answer " + path + " with 200 within "
                        + PATIENCE.toMinutes() + " minutes");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The tracker started again, and how long it took to answer. */
    record Restarted(TrackerService tracker, RestoreFigures figures) {
    }
}
