package org.pfptracker.registry;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.pfptracker.core.config.Settings;
import org.pfptracker.http.access.AccessSettings;

/**
 * Runs a registry server on its own until the JVM is stopped: {@code java ... RegistryMain
 * [registry.properties]}. Settings come from the optional properties file and from
 * {@code PFP_REGISTRY_*} (and {@code PFP_ACCESS_*}) environment variables, which win; see {@link RegistryConfig}.
 */
public final class RegistryMain {

    private RegistryMain() {
    }

    /**
     * @param args optionally, the path of a properties file
     */
    public static void main(String[] args) throws InterruptedException {
        RegistryConfig config;
        AccessSettings access;
        try {
            // Resolved as every pfp process resolves its options: the file, PFP_* variables, -Dpfp.* properties.
            Settings settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null);
            config = RegistryConfig.from(settings);
            access = AccessSettings.from(settings);
        } catch (IllegalArgumentException e) {
            System.err.println("Cannot start the schema registry: " + e.getMessage());
            System.exit(2);
            return;
        }
        SchemaRegistryServer server = SchemaRegistryServer.start(config, access);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "pfp-registry-shutdown"));
        stopped.await();
    }
}
