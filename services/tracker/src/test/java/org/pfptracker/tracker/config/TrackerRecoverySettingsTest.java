package org.pfptracker.tracker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.pfptracker.core.config.Settings;

/** Where a tracker keeps its state, and what lets it come back quickly after a crash. */
class TrackerRecoverySettingsTest {

    private static final int PORT = 8080;

    @Test
    void shouldKeepTheStateUnderTheWorkingDirectoryNotTheSystemTemporaryDirectory() {
        // Given no state directory set
        Settings settings = Settings.of(Map.of());

        // When the Streams configuration is made
        Path stateDir = Path.of((String) TrackerSettings.streamsConfig(settings, PORT).get(StreamsConfig.STATE_DIR_CONFIG));

        // Then it is .pfp-data/tracker in the working directory, which the system never empties
        assertThat(stateDir).isAbsolute()
                .isEqualTo(Path.of("").toAbsolutePath().resolve(".pfp-data").resolve("tracker"));
        assertThat(stateDir.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())).isFalse();
    }

    @Test
    void shouldResolveARelativeStateDirectoryAgainstTheWorkingDirectory() {
        Settings settings = Settings.of(Map.of("tracker.state.dir", "state/one"));

        assertThat(TrackerSettings.streamsConfig(settings, PORT).get(StreamsConfig.STATE_DIR_CONFIG))
                .isEqualTo(Path.of("state", "one").toAbsolutePath().toString());
    }

    @Test
    void shouldJoinTheGroupUnderANameThatSurvivesARestart() {
        // Given an instance advertised as tracker-0 on port 8080, and one named explicitly
        Settings derived = Settings.of(Map.of("tracker.advertised.host", "tracker-0"));
        Settings named = Settings.of(Map.of("tracker.instance.id", "eu-west-a"));

        // Then its static member name is stable and its own
        assertThat(TrackerSettings.streamsConfig(derived, PORT)).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                "pfp-tracker-v2-tracker-0-8080");
        assertThat(TrackerSettings.streamsConfig(named, PORT)).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                "eu-west-a");
    }

    @Test
    void shouldNoticeADeadInstanceWithinSecondsAndKeepClassicStoresByDefault() {
        Map<String, Object> config = TrackerSettings.streamsConfig(Settings.of(Map.of()), PORT);

        assertThat(config).containsEntry(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, false)
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
    }

    @Test
    void shouldTakeTheSessionTimeoutFromItsSetting() {
        Settings settings = Settings.of(Map.of("tracker.session.timeout", "6s", "tracker.state.transactional", "true"));

        assertThat(TrackerSettings.streamsConfig(settings, PORT))
                .containsEntry(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true)
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_200);
    }
}
