package org.pfptracker.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

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
        try {
            config = RegistryConfig.load(properties, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Cannot start the schema registry: " + e.getMessage());
            System.exit(2);
            return;
        }
        SchemaRegistryServer server = SchemaRegistryServer.start(config);
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
