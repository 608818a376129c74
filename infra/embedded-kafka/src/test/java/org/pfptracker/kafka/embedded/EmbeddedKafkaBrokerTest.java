package org.pfptracker.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures that are found before Kafka runs, so no broker is started here. */
class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dataDirectory;

    @Test
    void shouldNameTheTakenPortAndHowToChangeIt() throws IOException {
        // Given another process listening on the broker port
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedKafkaConfig config = EmbeddedKafkaConfig.inDirectory(dataDirectory.resolve("kafka"))
                    .withBrokerPort(taken.getLocalPort())
                    .withControllerPort(freePort());

            // When
            try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config)) {
                assertThatThrownBy(broker::start)
                        // Then
                        .isInstanceOfSatisfying(PortInUseException.class, e -> {
                            assertThat(e.port()).isEqualTo(taken.getLocalPort());
                            assertThat(e.listener()).isEqualTo("broker");
                            assertThat(e.getStackTrace()).isEmpty();
                        })
                        .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                        .hasMessageContaining("EmbeddedKafkaConfig.brokerPort");
                assertThat(broker.isRunning()).isFalse();
            }
        }
        // And nothing was formatted
        assertThat(dataDirectory.resolve("kafka")).doesNotExist();
    }

    @Test
    void shouldRefuseADataDirectoryThatHoldsSomethingElse() throws IOException {
        // Given
        Files.writeString(dataDirectory.resolve("thesis.txt"), "not Kafka data");
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.inDirectory(dataDirectory)
                .withBrokerPort(freePort())
                .withControllerPort(freePort());

        // When / Then
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config)) {
            assertThatThrownBy(broker::start)
                    .isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessageContaining(dataDirectory.toString())
                    .hasMessageContaining("not empty");
        }
        assertThat(dataDirectory).isDirectoryContaining(path -> path.endsWith("thesis.txt"))
                .isDirectoryNotContaining(path -> path.endsWith("meta.properties"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
