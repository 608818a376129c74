package org.pfptracker.launcher.command;

import java.util.concurrent.Callable;
import org.pfptracker.tracker.TrackerMain;
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
        TrackerMain.run(options.load());
        return 0;
    }
}
