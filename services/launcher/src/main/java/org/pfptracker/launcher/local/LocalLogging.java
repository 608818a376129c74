package org.pfptracker.launcher.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * The console of {@code pfp local} is the user's: it shows pfp's own lines and warnings. The broker's, the Kafka
 * clients' and the services' logs go to a file in the data directory instead (log4j2.xml's arrangement when
 * {@value #LOG_FILE_PROPERTY} is set), where they help when something went wrong.
 */
public final class LocalLogging {

    /** The system property log4j2.xml reads: set, it logs to that file and keeps the console for the user. */
    public static final String LOG_FILE_PROPERTY = "pfp.log.file";

    private LocalLogging() {
    }

    /** Sends the logs to {@code logs/pfp-local.log} in the data directory from now on; returns that file. */
    public static Path divertToFile(Path dataDirectory) {
        Path file = dataDirectory.resolve("logs").resolve("pfp-local.log");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
        System.setProperty(LOG_FILE_PROPERTY, file.toString());
        // Log4j read its configuration before the data directory was known: read it again, with the file.
        ((LoggerContext) LogManager.getContext(false)).reconfigure();
        return file;
    }
}
