package org.pfptracker.launcher.command;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pfptracker.tracker.TrackerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs one tracker instance against the configured cluster and registry, until stopped. */
@Command(name = "tracker", mixinStandardHelpOptions = true,
        description = "Run a tracker instance (Kafka Streams views + query API) against the configured cluster.")
public final class TrackerCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    @Override
    public Integer call() throws InterruptedException {
        TrackerService tracker = TrackerService.start(options.load());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tracker.close();
            stopped.countDown();
        }, "pfp-tracker-shutdown"));
        stopped.await();
        return 0;
    }
}
