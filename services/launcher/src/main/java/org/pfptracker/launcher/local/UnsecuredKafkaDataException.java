package org.pfptracker.launcher.local;

import java.nio.file.Path;

/**
 * The stack was asked to run Kafka secured on data an unsecured broker made. That metadata holds no Kafka
 * users to log in with, and users cannot be added without logging in, so the data cannot be secured: the
 * stack needs a new data directory (or an emptied one).
 */
public final class UnsecuredKafkaDataException extends RuntimeException {

    private final Path kafkaDirectory;

    UnsecuredKafkaDataException(Path kafkaDirectory, Throwable refusal) {
        super(kafkaDirectory + " holds Kafka data an unsecured broker made, which cannot be secured (its metadata"
                + " has no Kafka users to log in with)", refusal);
        this.kafkaDirectory = kafkaDirectory;
    }

    /** The broker's data directory that was refused. */
    public Path kafkaDirectory() {
        return kafkaDirectory;
    }
}
