package org.pfptracker.tracker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.pfptracker.platform.config.Settings;

/**
 * Runs one tracker instance as its own process, configured by {@code PFP_*} environment variables,
 * {@code -Dpfp.*} properties, or a properties file given as the only argument. The launcher's
 * {@code pfp tracker} does the same with a friendlier command line; this entry point keeps the
 * tracker runnable from its own jar and lets tests run it in a child JVM they can kill.
 */
public final class TrackerMain {

    private TrackerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES",
                    "org.pfptracker.event,java.lang,java.util,java.math,java.time");
        }
        Settings settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null);
        TrackerService tracker = TrackerService.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tracker.close();
            stopped.countDown();
        }, "pfp-tracker-shutdown"));
        stopped.await();
    }
}
