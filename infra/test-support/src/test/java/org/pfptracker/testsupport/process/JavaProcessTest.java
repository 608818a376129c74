package org.pfptracker.testsupport.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProcessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void shouldRunAMainClassToItsEndWithItsEnvironmentAndArgumentsAndKeepItsOutput(@TempDir Path logs) {
        // Given
        JavaProcess greeter = JavaProcess.mainClass(Greeter.class.getName()).heap("64m")
                .environment(Map.of("GREETING_TO", "partners"))
                .arguments("once")
                .logTo(logs.resolve("greeter.log"))
                .build();

        // When
        int exit = greeter.runToEnd(PATIENCE);

        // Then
        assertThat(exit).isEqualTo(3);
        assertThat(greeter.log()).contains("hello partners once");
        assertThat(greeter.status()).contains("exited with 3");
    }

    @Test
    void shouldKillAProcessAndStartItAgainAfterTheFirstRunsLog(@TempDir Path logs) {
        // Given
        try (JavaProcess greeter = JavaProcess.mainClass(Greeter.class.getName()).heap("64m")
                .arguments("--forever")
                .appendLogTo(logs.resolve("greeter.log"))
                .start()) {
            greeter.awaitSinceStart("the greeting", PATIENCE, () -> greeter.log().contains("hello"));

            // When
            greeter.kill();
            boolean aliveAfterKill = greeter.isAlive();
            greeter.start();
            greeter.awaitSinceStart("the second greeting", PATIENCE,
                    () -> greeter.log().split("hello", -1).length == 3);

            // Then
            assertThat(aliveAfterKill).isFalse();
            assertThat(greeter.isAlive()).isTrue();
            assertThat(greeter.log()).containsSubsequence("=== start", "hello", "=== start", "hello");
        }
    }

    @Test
    void shouldStopAProcessWithSigtermAndReportItsExitCode(@TempDir Path logs) {
        // Given
        JavaProcess greeter = JavaProcess.mainClass(Greeter.class.getName()).heap("64m")
                .arguments("--forever")
                .logTo(logs.resolve("greeter.log"))
                .start();
        greeter.awaitSinceStart("the greeting", PATIENCE, () -> greeter.log().contains("hello"));

        // When
        int exit = greeter.stop(PATIENCE);

        // Then: the JVM's answer to SIGTERM, 128 + 15
        assertThat(exit).isEqualTo(143);
        assertThat(greeter.isAlive()).isFalse();
    }

    @Test
    void shouldFailAWaitAtOnceWhenTheProcessExitsFirst(@TempDir Path logs) {
        // Given
        JavaProcess greeter = JavaProcess.mainClass(Greeter.class.getName()).heap("64m")
                .logTo(logs.resolve("greeter.log"))
                .start();

        // When / Then
        assertThatThrownBy(() -> greeter.awaitSinceStart("something", PATIENCE, () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with 3");
    }
}
