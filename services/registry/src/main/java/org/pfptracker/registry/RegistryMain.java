package org.pfptracker.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.pfptracker.http.access.AccessSettings;

/**
 * Runs a registry server on its own until the JVM is stopped: {@code java ... RegistryMain
 * [registry.properties]}. Settings come from the optional properties file and from
 * {@code PFP_REGISTRY_*} environment variables, which win; see {@link RegistryConfig}.
 */
public final class RegistryMain {

    private RegistryMain() {
    }

    /**
     * @param args optionally, the path of a properties file
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> properties = args.length > 0 ? load(Path.of(args[0])) : Map.of();
        RegistryConfig config;
        AccessSettings access;
        try {
            config = RegistryConfig.load(properties, System.getenv());
            // Access options as every pfp server reads them: access.* properties, PFP_ACCESS_* variables winning.
            access = AccessSettings.from(key -> Optional.ofNullable(System.getenv(
                    "PFP_" + key.toUpperCase(Locale.ROOT).replace('.', '_'))).or(() -> Optional.ofNullable(properties.get(key))));
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

    private static Map<String, String> load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        Map<String, String> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }
}
