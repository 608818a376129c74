package org.pfptracker.faults.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pfptracker.testsupport.process.JavaProcess;

/** A pfp server process (tracker, gateway, registry) with its HTTP port, its settings file and readiness. */
public final class Service {

    private final JavaProcess process;
    private final int port;

    private Service(JavaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * A deployable role (tracker, gateway, registry) from its own slim runtime, as it is deployed
     * ({@code java -jar pfp-<role>.jar <name>.properties}); anything else from the CLI
     * ({@code pfp <role> -c <name>.properties}). The settings are written beside the logs.
     */
    static Service of(Path distribution, Path directory, String name, String role, int port, Map<String, String> settings) {
        Path file = directory.resolve(name + ".properties");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, settings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path logs = directory.resolve("logs");
        Optional<Path> runtime = Runtimes.of(role);
        return new Service(runtime.map(jar -> command(jar, name, logs, file.toString()))
                .orElseGet(() -> command(distribution, name, logs, role, "-c", file.toString())), port);
    }

    /**
     * One OS process of what a user runs ({@code java -jar <jar> <arguments>}), with a small heap so
     * that a dozen fit on a laptop; its output appended to {@code <name>.log}, so a restarted process's log follows
     * the killed one's.
     */
    static JavaProcess command(Path distribution, String name, Path logDirectory, String... arguments) {
        return JavaProcess.jar(distribution).name(name).heap("256m")
                .jvmOptions("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                        "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.pfptracker.event,org.pfptracker.view,"
                                + "org.pfptracker.signal,java.lang,java.util,java.math,java.time")
                .arguments(arguments)
                .appendLogTo(logDirectory.resolve(name + ".log"))
                .build();
    }

    public String name() {
        return process.name();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public JavaProcess process() {
        return process;
    }

    public void start() {
        process.start();
    }

    public void startAndAwaitReady(Duration patience) {
        process.start();
        awaitReady(patience);
    }

    /** Waits for {@code /health/ready} to answer 200; fails at once if the process has died. */
    public void awaitReady(Duration patience) {
        process.awaitReady(url(), patience);
    }

    public boolean isReady() {
        return JavaProcess.isReady(url());
    }
}
