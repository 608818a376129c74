package org.pfptracker.kafka.embedded.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClientSecurityTest {

    private final Credentials credentials = Credentials.generate();
    private final ClientSecurity security =
            new ClientSecurity(Path.of("data", "truststore.p12"), "trust-password", credentials);

    @Test
    void shouldConnectAsThePrincipalWithItsPasswordOverTls() {
        // When
        var settings = security.forPrincipal(KafkaPrincipal.TRACKER);

        // Then
        assertThat(settings)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"tracker\" password=\"" + credentials.password(KafkaPrincipal.TRACKER) + "\";")
                .containsEntry("ssl.truststore.location", Path.of("data", "truststore.p12").toAbsolutePath().toString())
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", "trust-password")
                .doesNotContainKey("bootstrap.servers");
    }

    @Test
    void shouldShowNoSecretWhenPrinted() {
        assertThat(security.toString())
                .doesNotContain("trust-password")
                .doesNotContain(credentials.password(KafkaPrincipal.ADMIN));
    }
}
