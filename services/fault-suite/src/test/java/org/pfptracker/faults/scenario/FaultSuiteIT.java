package org.pfptracker.faults.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.faults.cluster.SystemUnderTest;
import org.pfptracker.faults.measure.ReportTable;
import org.pfptracker.faults.measure.ScenarioResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault-injection suite: the system as separate processes from the distribution, broken one way per
 * scenario while load flows, with what was lost and how long answers failed reported as a table (printed,
 * and written to target/fault-report.md). The scenarios run one after another on one system, each with
 * partners of its own. {@code -Dfaults.scenarios=tracker-kill,...} picks them; {@code -Pfaults} runs all.
 */
@Tag("faults")
class FaultSuiteIT {

    private static final Logger log = LoggerFactory.getLogger(FaultSuiteIT.class);

    @Test
    void shouldLoseNoAcknowledgedCommandAndConvergeOnTheReferenceWhateverBreaks(@TempDir Path directory) throws IOException {
        // Given: the system, every part its own process, from the distribution a user runs
        Path distribution = Path.of(System.getProperty("pfp.distribution", "../launcher/target/pfp.jar")).toAbsolutePath();
        assertThat(distribution).as("the distribution; build it with 'mvn -pl services/launcher -am package'").exists();
        List<Scenario> scenarios = Scenario.selected(System.getProperty("faults.scenarios", "tracker-kill"));
        Duration outage = Duration.parse(System.getProperty("faults.outage", "PT10S"));
        Path logs = Path.of("target", "fault-suite");
        Instant started = Instant.now();
        List<ScenarioResult> results = new ArrayList<>();
        try (SystemUnderTest system = SystemUnderTest.start(distribution, directory)) {
            // When: each scenario breaks it while load flows
            FaultRun run = new FaultRun(system, outage);
            for (Scenario scenario : scenarios) {
                ScenarioResult result = run.run(scenario);
                log.info("Scenario {} done: {}", scenario.id(), result);
                results.add(result);
            }
        } finally {
            copyLogs(directory.resolve("logs"), logs);
            String report = ReportTable.of(results) + "\nWall time of the suite: "
                    + Duration.between(started, Instant.now()).toSeconds() + " s (outage " + outage.toSeconds() + " s)\n";
            System.out.println("\n" + report);
            Path file = Path.of(System.getProperty("faults.report", "target/fault-report.md"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report);
        }

        // Then: nothing acknowledged was lost or counted twice, and every view is the reference's
        assertThat(results).allSatisfy(result -> {
            assertThat(result.lostInKafka()).as(result.scenario() + ": acknowledged but not in Kafka").isZero();
            assertThat(result.notApplied()).as(result.scenario() + ": acknowledged but never applied").isZero();
            assertThat(result.countedTwice()).as(result.scenario() + ": applied more than once").isZero();
            assertThat(result.differingViews()).as(result.scenario() + ": views unlike the reference").isZero();
        });
    }

    /** The processes' logs outlive the temporary directory, for whoever reads a failure. */
    private static void copyLogs(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
