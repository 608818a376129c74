package org.pfptracker.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh temporary directory for one run (the embedded broker's log, the state stores), deleted
 * afterwards: a benchmark never starts on, nor leaves behind, anything of another run.
 */
final class BenchWorkspace implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchWorkspace.class);

    private final Path root;
    /** Deletes the directory when the run is cut short (Ctrl-C), where {@link #close()} never comes. */
    private final Thread onExit;

    private BenchWorkspace(Path root) {
        this.root = root;
        this.onExit = new Thread(this::deleteQuietly, "pfp-bench-workspace-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    static BenchWorkspace create() {
        try {
            return new BenchWorkspace(Files.createTempDirectory("pfp-bench-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the benchmark", e);
        }
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path trackerState() {
        return root.resolve("tracker-state");
    }

    Path streamsState() {
        return root.resolve("streams-count-state");
    }

    /** Deletes a directory and everything in it, if it exists. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it deletes the directory.
            return;
        }
        deleteQuietly();
    }

    private void deleteQuietly() {
        try {
            delete(root);
        } catch (UncheckedIOException e) {
            log.warn("Could not delete the benchmark's temporary directory {}: {}", root, e.getMessage());
        }
    }
}
