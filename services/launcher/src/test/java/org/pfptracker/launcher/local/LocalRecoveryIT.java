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
 * Issue 10: {@code pfp local} killed with {@code kill -9} during a burst of gateway commands comes back on the same
 * data without waiting for its own dead group member.
 */
@Tag("integration")
class LocalRecoveryIT {

    @Test
    void shouldBeReadySoonAfterItsBannerWhenRestartedAfterAKill(@TempDir Path directory) throws Exception {
        // Given a stack killed during a burst of commands, when it is started again on its data
        LocalRecoveryTimer.Figures figures = LocalRecoveryTimer.measure(LocalProcess.builtJar(), directory,
                List.of("--no-simulate"));
        System.out.printf("%n[local-recovery] restart after kill -9: %s%n%n", figures);

        // Then it is ready within seconds of its banner: the group knew it by its name (static membership) and gave
        // its tasks back at once, instead of waiting out the dead member's session (45 s by Kafka's default)
        assertThat(figures.acceptedBeforeKill()).isPositive();
        assertThat(figures.ready().minus(figures.banner())).isLessThan(Duration.ofSeconds(20));
        assertThat(Files.readString(directory.resolve("data").resolve("logs").resolve("pfp-local.log")))
                .contains("Tracker streams REBALANCING -> RUNNING");
    }
}
