package org.pfptracker.core.lifecycle;

import java.util.concurrent.CountDownLatch;

/**
 * How a pfp-tracker service runs as a process: until the JVM is asked to stop (Ctrl-C, SIGTERM),
 * then closed cleanly before the JVM exits, so that it leaves its group and flushes what it holds.
 */
public final class UntilStopped {

    private UntilStopped() {
    }

    /** Blocks the calling thread until the JVM shuts down; the service is closed on the way out. */
    public static void run(AutoCloseable service, String name) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("pfp: stopping the " + name + " failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "pfp-" + name + "-shutdown"));
        stopped.await();
    }
}
