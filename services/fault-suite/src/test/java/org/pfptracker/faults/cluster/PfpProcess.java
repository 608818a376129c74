package org.pfptracker.faults.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OS process of the distribution a user runs ({@code java -jar pfp.jar <role> ...}): started, stopped
 * as an operator would (SIGTERM, then waiting), or killed with SIGKILL; its output appended to a log file,
 * so a restarted process's log follows the killed one's.
 */
public final class PfpProcess {

    private static final Logger log = LoggerFactory.getLogger(PfpProcess.class);

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private Process process;

    PfpProcess(String name, List<String> command, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
    }

    /** A pfp command line run from the distribution's jar, with a small heap so that a dozen fit on a laptop. */
    static PfpProcess of(Path distribution, String name, String heap, Path logDirectory, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.pfptracker.event,org.pfptracker.view,org.pfptracker.signal,"
                        + "java.lang,java.util,java.math,java.time",
                "-jar", distribution.toString()));
        command.addAll(List.of(arguments));
        return new PfpProcess(name, command, logDirectory.resolve(name + ".log"));
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== start " + java.time.Instant.now() + " " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
            log.info("Started {} (pid {})", name, process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, the group is not told. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(30);
            log.info("Killed {} (kill -9)", name);
        }
    }

    /** SIGTERM and wait: the service closes cleanly, as under an orchestrator's rolling restart. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitForExit(60)) {
                process.destroyForcibly();
                waitForExit(30);
            }
            log.info("Stopped {}", name);
        }
    }

    /** Runs a one-off command to its end and returns its exit code. */
    public int runToEnd(java.time.Duration patience) {
        start();
        if (!waitForExit((int) patience.toSeconds())) {
            kill();
            return -1;
        }
        return process.exitValue();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code of a process that has ended by itself, for a clear failure message. */
    public synchronized String status() {
        if (process == null) {
            return name + " never started";
        }
        return process.isAlive() ? name + " running (pid " + process.pid() + ")"
                : name + " exited with " + process.exitValue() + ", see " + logFile;
    }

    private boolean waitForExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
