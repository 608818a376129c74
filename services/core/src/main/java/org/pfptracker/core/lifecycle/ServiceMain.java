package org.pfptracker.core.lifecycle;

import java.nio.file.Path;
import java.util.function.Function;
import org.pfptracker.core.config.Settings;

/**
 * The entry point of a service's own runtime ({@code java -jar pfp-tracker.jar [settings.properties]}): settings
 * from the optional file, {@code PFP_*} variables and {@code -Dpfp.*} properties; a setting that is wrong stops
 * the process with one line naming it (exit status 2), never a stack trace; then the service runs
 * {@link UntilStopped until stopped}.
 */
public final class ServiceMain {

    /** The exit status of a process that could not start because of its settings. */
    public static final int BAD_SETTINGS = 2;

    private ServiceMain() {
    }

    /**
     * @param name the service, as the error line and the shutdown thread name it
     * @param args optionally, the path of a properties file
     * @param start starts the service from its settings
     */
    public static void run(String name, String[] args, Function<Settings, AutoCloseable> start)
            throws InterruptedException {
        AutoCloseable service;
        try {
            service = start.apply(Settings.load(args.length > 0 ? Path.of(args[0]) : null));
        } catch (IllegalArgumentException e) {
            // ConfigurationException is one: a wrong or missing setting, said in one line.
            System.err.println("pfp-" + name + ": " + e.getMessage());
            System.exit(BAD_SETTINGS);
            return;
        }
        UntilStopped.run(service, name);
    }
}
