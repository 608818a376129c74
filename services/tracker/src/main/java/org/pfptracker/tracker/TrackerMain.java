package org.pfptracker.tracker;

import org.pfptracker.core.config.Settings;
import org.pfptracker.core.lifecycle.ServiceMain;
import org.pfptracker.core.lifecycle.UntilStopped;

/**
 * Runs one tracker instance as its own process, configured by {@code PFP_*} environment variables,
 * {@code -Dpfp.*} properties, or a properties file given as the only argument. {@code pfp tracker}
 * runs through {@link #run}; this entry point keeps the tracker runnable from its own module, which is
 * how the crash-recovery test starts it in a child JVM that it can kill.
 */
public final class TrackerMain {

    private TrackerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run("tracker", args, TrackerService::start);
    }

    /** Starts a tracker and blocks until the JVM is asked to stop. */
    public static void run(Settings settings) throws InterruptedException {
        UntilStopped.run(TrackerService.start(settings), "tracker");
    }
}
