package org.pfptracker.kafka.embedded.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path directory;

    @Test
    void shouldGenerateADifferentLongPasswordForEveryPrincipal() {
        // When
        Credentials credentials = Credentials.generate();

        // Then
        List<String> passwords = Arrays.stream(KafkaPrincipal.values()).map(credentials::password).toList();
        assertThat(passwords).doesNotHaveDuplicates().allSatisfy(password ->
                assertThat(password).hasSize(32).matches("[A-Za-z0-9_-]+"));
        assertThat(passwords).doesNotContain(credentials.storePassword());
        assertThat(credentials.missingPrincipals()).isEmpty();
        assertThat(Credentials.generate().password(KafkaPrincipal.ADMIN))
                .isNotEqualTo(credentials.password(KafkaPrincipal.ADMIN));
    }

    @Test
    void shouldReadBackWhatItWroteToAFileOnlyItsOwnerCanRead() throws Exception {
        // Given
        Credentials credentials = Credentials.generate();
        Path file = directory.resolve("credentials.properties");

        // When
        credentials.writeTo(file);

        // Then
        assertThat(Credentials.readFrom(file)).isEqualTo(credentials);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var entries = Files.list(directory)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void shouldCompleteAnOlderFileWithPasswordsForPrincipalsAddedSince() throws Exception {
        // Given a file written before the reader existed
        Credentials credentials = Credentials.generate();
        Path file = directory.resolve("credentials.properties");
        credentials.writeTo(file);
        List<String> withoutReader = Files.readAllLines(file).stream()
                .filter(line -> !line.startsWith("password.reader="))
                .toList();
        Files.write(file, withoutReader);

        // When
        Credentials read = Credentials.readFrom(file);
        Credentials completed = read.completed();

        // Then
        assertThat(read.missingPrincipals()).containsExactly(KafkaPrincipal.READER);
        assertThat(completed.missingPrincipals()).isEmpty();
        assertThat(completed.password(KafkaPrincipal.GATEWAY)).isEqualTo(credentials.password(KafkaPrincipal.GATEWAY));
        assertThat(completed.password(KafkaPrincipal.READER)).isNotEqualTo(credentials.password(KafkaPrincipal.READER));
    }

    @Test
    void shouldNameEveryUserForTheStorageFormatter() {
        // Given
        Credentials credentials = Credentials.generate();

        // When / Then
        assertThat(credentials.scramFormatterArguments())
                .hasSize(KafkaPrincipal.values().length)
                .contains("SCRAM-SHA-512=[name=gateway,password=" + credentials.password(KafkaPrincipal.GATEWAY) + "]");
    }

    @Test
    void shouldShowNoSecretWhenPrinted() {
        // Given
        Credentials credentials = Credentials.generate();

        // When
        String printed = credentials.toString();

        // Then
        assertThat(printed).contains("gateway").doesNotContain(credentials.storePassword());
        Arrays.stream(KafkaPrincipal.values()).forEach(principal ->
                assertThat(printed).doesNotContain(credentials.password(principal)));
    }
}
