package org.pfptracker.faults.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A pfp server process (tracker, gateway, registry) with its HTTP port, its settings file and readiness. */
public final class Service {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final PfpProcess process;
    private final int port;

    private Service(PfpProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code pfp <role> -c <name>.properties}, the settings written beside the logs. */
    static Service of(Path distribution, Path directory, String name, String role, int port, Map<String, String> settings) {
        Path file = directory.resolve(name + ".properties");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, settings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Service(PfpProcess.of(distribution, name, "256m", directory.resolve("logs"), role, "-c",
                file.toString()), port);
    }

    public String name() {
        return process.name();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public PfpProcess process() {
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
        await(name() + " ready").atMost(patience).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.status());
            }
            return isReady();
        });
    }

    public boolean isReady() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
