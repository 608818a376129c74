package org.pfptracker.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pfp local} as a user sees it in a terminal: its own lines on the console, the broker's and the Kafka
 * clients' in a log file in the data directory, and Ctrl-C stopping everything without a warning.
 */
@Tag("integration")
class LocalConsoleIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Test
    void shouldPrintOnlyItsOwnLinesAndStopQuietlyOnCtrlC(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("data");
        try (LocalProcess stack = LocalProcess.start(LocalProcess.builtJar(), data, LocalProcess.Ports.free(),
                directory.resolve("console.txt"), List.of("--no-simulate"))) {
            // Given a stack that started and published its reference partners
            stack.awaitReady(PATIENCE);
            stack.awaitView("ukraine", PATIENCE);

            // When the user presses Ctrl-C
            int exit = stack.stop(PATIENCE);

            // Then the console holds pfp's own lines, none of Kafka's, and says where the logs are
            String console = stack.console();
            Path logFile = data.resolve("logs").resolve("pfp-local.log");
            assertThat(console).contains(LocalProcess.BANNER, "logs go to " + logFile, "tokens.env",
                    "pfp-tracker: stopping the local stack", "pfp-tracker: stopped");
            assertThat(console.lines()).noneMatch(line -> line.contains("WARN") || line.contains("ERROR")
                    || line.contains("Exception") || line.contains("org.apache.kafka"));
            assertThat(exit).as("exit on SIGTERM").isIn(0, 143);

            // and the log file holds the broker's own lines, without the retried-sequence noise of KAFKA-18202
            assertThat(logFile).exists();
            String log = Files.readString(logFile);
            assertThat(log).contains("BrokerServer id=1] Transition from STARTING to STARTED",
                    "Kafka broker stopped in");
            assertThat(log).doesNotContain("idempotent producer with no existing state");
        }
    }
}
