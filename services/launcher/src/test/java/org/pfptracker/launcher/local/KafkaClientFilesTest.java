package org.pfptracker.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.embedded.security.ClientSecurity;
import org.pfptracker.kafka.embedded.security.Credentials;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.serde.EventSerdes;

/** The settings files a secured local stack leaves for the pfp commands of another terminal. */
class KafkaClientFilesTest {

    private static final Settings STACK = Settings.of(Map.of(
            KafkaSettings.BOOTSTRAP_SERVERS.key(), "127.0.0.1:19092",
            KafkaSettings.SCHEMA_REGISTRY_URL.key(), "http://127.0.0.1:18081",
            EventSerdes.AUTO_REGISTER_SCHEMAS.key(), "false",
            KafkaSettings.REGISTRY_CLIENT_PREFIX + "bearer.auth.token", "services-token",
            KafkaSettings.CLIENT_PREFIX + "linger.ms", "50"));

    @TempDir
    Path data;

    @Test
    void shouldGiveEveryUserButTheBrokerAPrivateFileThatConnectsAsThatUser() throws IOException {
        // Given
        Credentials credentials = Credentials.generate();
        ClientSecurity security = new ClientSecurity(data.resolve("kafka/truststore.p12"), "store-secret", credentials);

        // When
        KafkaClientFiles files = KafkaClientFiles.update(data.resolve("kafka-clients"), STACK, Optional.of(security))
                .orElseThrow();

        // Then
        for (KafkaPrincipal user : KafkaClientFiles.USERS) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.of(user))))
                    .isEqualTo("rw-------");
            Settings read = Settings.load(files.of(user), Map.of(), new Properties());
            Map<String, String> expected = new TreeMap<>();
            security.forPrincipal(user).forEach((key, value) -> expected.put(KafkaSettings.CLIENT_PREFIX + key, value));
            expected.put(KafkaSettings.BOOTSTRAP_SERVERS.key(), "127.0.0.1:19092");
            expected.put(KafkaSettings.SCHEMA_REGISTRY_URL.key(), "http://127.0.0.1:18081");
            expected.put(EventSerdes.AUTO_REGISTER_SCHEMAS.key(), "false");
            expected.put(KafkaSettings.REGISTRY_CLIENT_PREFIX + "bearer.auth.token", "services-token");
            // Exactly how to connect: not the stack's own client tuning.
            assertThat(read.asMap()).as(user.userName()).isEqualTo(expected);
        }
        assertThat(files.of(KafkaPrincipal.BROKER)).doesNotExist();
        assertThat(files.trustStore()).isEqualTo(data.resolve("kafka/truststore.p12"));
    }

    @Test
    void shouldKeepABackslashInAPathAsItIs() {
        // Given: a trust store path as Windows writes it
        ClientSecurity security = new ClientSecurity(Path.of("C:\\pfp\\truststore.p12"), "store-secret",
                Credentials.generate());

        // When
        KafkaClientFiles files = KafkaClientFiles.update(data.resolve("kafka-clients"), STACK, Optional.of(security))
                .orElseThrow();

        // Then
        Settings read = Settings.load(files.of(KafkaPrincipal.READER), Map.of(), new Properties());
        assertThat(KafkaSettings.clientOverrides(read).get("ssl.truststore.location"))
                .isEqualTo(security.trustStore().toString());
    }

    @Test
    void shouldRemoveTheFilesOfASecuredStartWhenTheBrokerRunsPlaintext() {
        // Given: the files of a secured start
        Path directory = data.resolve("kafka-clients");
        ClientSecurity security = new ClientSecurity(data.resolve("truststore.p12"), "store-secret",
                Credentials.generate());
        KafkaClientFiles.update(directory, STACK, Optional.of(security));

        // When: the stack starts again, PLAINTEXT
        Optional<KafkaClientFiles> files = KafkaClientFiles.update(directory, STACK, Optional.empty());

        // Then: no password is left behind that no broker takes
        assertThat(files).isEmpty();
        assertThat(directory).doesNotExist();
    }
}
