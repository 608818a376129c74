package org.pfptracker.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child JVM as a user or an orchestrator runs one: {@code java -jar pfp.jar <role> ...} or a main class on this
 * JVM's class path, with its own environment and its output (stdout and stderr) in a log file. It can be stopped
 * as Ctrl-C or an orchestrator stops it (SIGTERM, {@link #stop}), killed as {@code kill -9} kills it
 * ({@link #kill}), and started again on the same command.
 *
 * <p>Plain JDK only, so that a timing program ({@code main}) can run it from the test classes without the test
 * libraries.
 *
 * <pre>{@code
 * try (JavaProcess tracker = JavaProcess.mainClass(TrackerMain.class.getName()).heap("512m")
 *         .environment(env).logTo(Path.of("target", "tracker.log")).start()) {
 *     tracker.awaitReady("http://127.0.0.1:" + port, Duration.ofMinutes(1));
 *     tracker.kill();
 * }
 * }</pre>
 */
public final class JavaProcess implements AutoCloseable {

    /** The JDK's own logger (plain JDK, see above); it reaches SLF4J wherever a bridge is on the class path. */
    private static final System.Logger LOG = System.getLogger(JavaProcess.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration POLL = Duration.ofMillis(50);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final boolean withoutPfpEnvironment;
    private final Path logFile;
    private final boolean appendLog;
    private Process process;
    private long startedNanos;

    private JavaProcess(Builder builder) {
        this.name = builder.name;
        this.command = List.copyOf(builder.command());
        this.environment = Map.copyOf(builder.environment);
        this.withoutPfpEnvironment = builder.withoutPfpEnvironment;
        this.logFile = builder.logFile;
        this.appendLog = builder.appendLog;
    }

    /** {@code java -jar <jar> ...}. */
    public static Builder jar(Path jar) {
        return new Builder(List.of("-jar", jar.toString()), jar.getFileName().toString());
    }

    /** {@code java -cp <this JVM's class path> <mainClass> ...}: a service of the module under test. */
    public static Builder mainClass(String mainClass) {
        return new Builder(List.of("-cp", System.getProperty("java.class.path"), mainClass),
                mainClass.substring(mainClass.lastIndexOf('.') + 1));
    }

    public String name() {
        return name;
    }

    /** The command line, for reports. */
    public List<String> command() {
        return command;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the JVM; again after {@link #kill()} or {@link #stop}, on the same command and log file. */
    public synchronized JavaProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (appendLog) {
                // A restarted process's output follows the killed one's, after a line that says when.
                Files.writeString(logFile, "=== start " + Instant.now() + " " + String.join(" ", command) + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            } else {
                builder.redirectOutput(logFile.toFile());
            }
            if (withoutPfpEnvironment) {
                // The child must not take the developer's or CI's own settings for its ports or data.
                builder.environment().keySet().removeIf(variable -> variable.startsWith("PFP_"));
            }
            builder.environment().putAll(environment);
            startedNanos = System.nanoTime();
            process = builder.start();
            LOG.log(System.Logger.Level.INFO, "Started {0} (pid {1}), output in {2}", name, Long.toString(process.pid()),
                    logFile);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The process id, while it runs or after. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " never started");
        }
        return process.pid();
    }

    /** Running or exited with which code, and where the log is: for a clear failure message. */
    public synchronized String status() {
        if (process == null) {
            return name + " never started";
        }
        return process.isAlive() ? name + " running (pid " + process.pid() + ")"
                : name + " exited with " + process.exitValue() + ", see " + logFile;
    }

    /** Everything the process printed so far (all runs, when the log is appended to). */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Time since the last start. */
    public synchronized Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Waits until the condition holds, checking every 50 ms: the time since the start, or a failure naming the log
     * when the time is up or the process exits first.
     */
    public Duration awaitSinceStart(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!isAlive()) {
                throw new IllegalStateException(status() + " before " + what + ":\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No " + what + " from " + name + " within " + timeout + ":\n" + log());
            }
            pause();
        }
        return sinceStart();
    }

    /** Waits for {@code <baseUrl>/health/ready} to answer 200, failing at once if the process dies. */
    public Duration awaitReady(String baseUrl, Duration timeout) {
        return awaitSinceStart(baseUrl + "/health/ready 200", timeout, () -> isReady(baseUrl));
    }

    /** Whether {@code <baseUrl>/health/ready} answers 200 now. */
    public static boolean isReady(String baseUrl) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** As {@code kill -9}: no shutdown hook runs, nothing is flushed or checkpointed, the group is not told. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
            LOG.log(System.Logger.Level.INFO, "Killed {0} (kill -9)", name);
        }
    }

    /**
     * As Ctrl-C or an orchestrator's rolling restart: SIGTERM, the shutdown hooks close the service, and the exit
     * code; -1 if it had not exited within the patience and was killed.
     */
    public synchronized int stop(Duration patience) {
        if (process == null) {
            throw new IllegalStateException(name + " never started");
        }
        process.destroy();
        if (waitForExit(patience)) {
            LOG.log(System.Logger.Level.INFO, "Stopped {0} (exit {1})", name, Integer.toString(process.exitValue()));
            return process.exitValue();
        }
        kill();
        return -1;
    }

    /** Runs a one-off command to its end: its exit code, or -1 if it was killed for taking too long. */
    public int runToEnd(Duration patience) {
        start();
        synchronized (this) {
            if (!waitForExit(patience)) {
                kill();
                return -1;
            }
            return process.exitValue();
        }
    }

    /** Never leaves a JVM running after a test, whatever happened. */
    @Override
    public void close() {
        if (isAlive()) {
            kill();
        }
    }

    private boolean waitForExit(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause() {
        try {
            // Polling a child process's files and ports: there is no event to wait on.
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** How to run the JVM; {@link #logTo} is required. */
    public static final class Builder {

        private final List<String> target;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String name;
        private String heap = "512m";
        private boolean withoutPfpEnvironment;
        private Path logFile;
        private boolean appendLog;

        private Builder(List<String> target, String name) {
            this.target = target;
            this.name = name;
        }

        /** The name in logs and failure messages. */
        public Builder name(String processName) {
            this.name = processName;
            return this;
        }

        /** The maximum heap, e.g. {@code 256m}; 512m unless set. */
        public Builder heap(String maximumHeap) {
            this.heap = maximumHeap;
            return this;
        }

        /** More JVM options, e.g. {@code -XX:+UseSerialGC} or {@code -Dkey=value}. */
        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** Program arguments, after the jar or the main class. */
        public Builder arguments(String... more) {
            arguments.addAll(List.of(more));
            return this;
        }

        /** Program arguments, after the jar or the main class. */
        public Builder arguments(List<String> more) {
            arguments.addAll(more);
            return this;
        }

        /** Environment variables, on top of this JVM's. */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Drops every {@code PFP_...} variable this JVM inherited, so only the test's settings count. */
        public Builder withoutPfpEnvironment() {
            this.withoutPfpEnvironment = true;
            return this;
        }

        /** Output to this file, replaced at every start: the file holds exactly what the process printed. */
        public Builder logTo(Path file) {
            this.logFile = file;
            this.appendLog = false;
            return this;
        }

        /** Output appended to this file after a start line, so that a restarted process's log follows the last. */
        public Builder appendLogTo(Path file) {
            this.logFile = file;
            this.appendLog = true;
            return this;
        }

        /** The process, not started yet. */
        public JavaProcess build() {
            if (logFile == null) {
                throw new IllegalStateException("No log file for " + name + ": logTo or appendLogTo");
            }
            return new JavaProcess(this);
        }

        /** The process, started. */
        public JavaProcess start() {
            return build().start();
        }

        private List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + heap);
            command.addAll(jvmOptions);
            command.addAll(target);
            command.addAll(arguments);
            return command;
        }
    }
}
