package org.pfptracker.launcher.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 10's crash: {@code pfp local} killed with {@code kill -9} during a burst of gateway commands, then started
 * again on the same data; how long until the banner, {@code /health/ready} and the first partner view.
 *
 * <pre>{@code
 * mvn -B -o -pl services/launcher -am package -DskipTests -q
 * java -cp services/launcher/target/test-classes:infra/test-support/target/classes org.pfptracker.launcher.local.LocalRecoveryTimer [--no-simulate] [runs]
 * }</pre>
 * With the simulator (the default, as the report had it) the first run publishes the 55k events of history, so the
 * tracker has real state to lose. Each run uses a new data directory under {@code target/} and new free ports.
 */
public final class LocalRecoveryTimer {

    /** How long the burst of gateway commands runs before the kill, and how many clients send it. */
    private static final Duration BURST = Duration.ofSeconds(3);
    private static final int BURST_CLIENTS = 8;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** What one restart took, from starting the JVM again; and how many commands the burst had accepted. */
    record Figures(Duration banner, Duration ready, Duration firstView, int acceptedBeforeKill, Path restartConsole) {

        @Override
        public String toString() {
            return String.format("banner %.1f s, /health/ready %.1f s, first view %.1f s (%d commands accepted"
                            + " before the kill)", banner.toMillis() / 1000.0, ready.toMillis() / 1000.0,
                    firstView.toMillis() / 1000.0, acceptedBeforeKill);
        }
    }

    private LocalRecoveryTimer() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = new ArrayList<>();
        int runs = 1;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                options.add(arg);
            } else {
                runs = Integer.parseInt(arg);
            }
        }
        Path jar = LocalProcess.builtJar();
        Path work = jar.getParent().resolve("recovery-timer");
        for (int run = 1; run <= runs; run++) {
            Path directory = Files.createDirectories(work.resolve("run-" + System.currentTimeMillis()));
            Figures figures = measure(jar, directory, options);
            System.out.println("restart after kill -9 #" + run + ": " + figures + "; consoles in " + directory);
        }
    }

    /**
     * Starts a fresh stack in {@code directory}, waits until it is ready (and, with the simulator, has published the
     * history), kills it during a burst of commands, starts it again and times it; stops it with Ctrl-C at the end.
     */
    static Figures measure(Path jar, Path directory, List<String> options) throws InterruptedException {
        Path data = directory.resolve("data");
        LocalProcess.Ports ports = LocalProcess.Ports.free();
        int accepted;
        List<String> fresh = new ArrayList<>(options);
        fresh.add("--fresh");
        try (LocalProcess first = LocalProcess.start(jar, data, ports, directory.resolve("first.console"), fresh)) {
            first.awaitReady(PATIENCE);
            if (!options.contains("--no-simulate")) {
                first.awaitSinceStart("the end of the history", PATIENCE, () -> first.console().contains("live events"));
            }
            first.awaitView("ukraine", PATIENCE);
            accepted = burstThenKill(first);
        }
        try (LocalProcess second = LocalProcess.start(jar, data, ports, directory.resolve("restart.console"), options)) {
            Duration banner = second.awaitBanner(PATIENCE);
            Duration ready = second.awaitReady(PATIENCE);
            Duration view = second.awaitView("ukraine", PATIENCE);
            second.stop(Duration.ofSeconds(60));
            return new Figures(banner, ready, view, accepted, directory.resolve("restart.console"));
        }
    }

    /** Clients send commands as fast as the gateway takes them; the process is killed in the middle of it. */
    private static int burstThenKill(LocalProcess stack) throws InterruptedException {
        String writer = stack.token("PFP_WRITER_TOKEN");
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(BURST_CLIENTS);
        for (int client = 0; client < BURST_CLIENTS; client++) {
            int id = client;
            clients.execute(() -> {
                for (int sent = 0; sending.get(); sent++) {
                    if (stack.proposeActivity("ukraine", "Burst " + id + "-" + sent, writer) == 202) {
                        accepted.incrementAndGet();
                    }
                }
            });
        }
        long killAt = System.nanoTime() + BURST.toNanos();
        stack.awaitSinceStart("the burst", BURST.plusSeconds(10), () -> System.nanoTime() >= killAt);
        stack.kill();
        sending.set(false);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        return accepted.get();
    }
}
