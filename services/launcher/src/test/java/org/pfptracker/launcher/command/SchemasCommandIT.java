package org.pfptracker.launcher.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.kafka.junit.KafkaTestCluster;
import org.pfptracker.kafka.junit.WithKafka;
import org.pfptracker.platform.schema.SchemaContract;
import org.pfptracker.platform.topic.Topics;
import org.pfptracker.registry.SchemaRegistryServer;
import org.pfptracker.registry.client.CompatibilityLevel;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.SchemaRegistryClient;
import org.pfptracker.testsupport.system.TestRegistry;
import picocli.CommandLine;

/**
 * {@code pfp schemas} as an operator meets it, after a hostile user weakened the registry's level and
 * registered an ActivityProposed of their own: check fails and says what to do, retire puts it right,
 * and check passes again.
 */
@WithKafka
class SchemasCommandIT {

    private static final String ACTIVITY_PROPOSED = Topics.ACTIVITIES + "-" + ActivityProposed.class.getName();

    private static SchemaRegistryServer registry;
    private static SchemaRegistryClient client;
    private static Path config;

    @BeforeAll
    static void startRegistry(KafkaTestCluster kafka, @TempDir Path directory) throws IOException {
        registry = TestRegistry.on(kafka).withContractPolicy().start();
        client = HttpSchemaRegistryClient.forUrls(registry.url().toString());
        config = directory.resolve("pfp.properties");
        Files.writeString(config, "schema.registry.url=" + registry.url() + "\n");
    }

    @AfterAll
    static void stopRegistry() {
        client.close();
        registry.close();
    }

    @Test
    void shouldFailTheCheckOnATamperedRegistryUntilTheForeignVersionIsRetired() {
        // Given ActivityProposed registered as pfp local's producers register it (on the fly, under the
        // global level), then a hostile user's work: the global level set to NONE and an
        // ActivityProposed with a single long field registered
        client.register(ACTIVITY_PROPOSED, ActivityProposed.getClassSchema());
        client.updateGlobalCompatibility(CompatibilityLevel.NONE);
        client.register(ACTIVITY_PROPOSED, SchemaBuilder.record("ActivityProposed").namespace("org.pfptracker.event")
                .fields().name("n").type().longType().noDefault().endRecord());

        // When / Then: the check fails, naming the level and the version, and how to retire it
        Run tampered = run("check");
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.output())
                .contains("global compatibility level NONE is weaker than the policy BACKWARD_TRANSITIVE")
                .contains("compatibility level NONE (the global one) is weaker than the policy")
                .contains("version 2 (schema id")
                .contains("pfp schemas retire --subject " + ACTIVITY_PROPOSED + " --version 2")
                .contains("Schema check FAILED");

        // When the level is put back, the check still fails on the version
        client.updateGlobalCompatibility(SchemaContract.POLICY);
        assertThat(run("check").exitCode()).isEqualTo(1);

        // When the version this project released is named by mistake, it is not retired
        Run mistaken = run("retire", "--subject", ACTIVITY_PROPOSED, "--version", "1");
        assertThat(mistaken.exitCode()).isEqualTo(1);
        assertThat(mistaken.output()).contains("is a schema this project released");
        assertThat(client.versions(ACTIVITY_PROPOSED)).containsExactly(1, 2);

        // When the foreign version is retired
        Run retired = run("retire", "--subject", ACTIVITY_PROPOSED, "--version", "2");
        assertThat(retired.exitCode()).isZero();
        assertThat(retired.output()).contains("Retired version 2 of " + ACTIVITY_PROPOSED);

        // Then the check passes, and retiring it again is refused with the registry's reason
        Run clean = run("check");
        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("Schemas are compatible with the registry");
        Run again = run("retire", "--subject", ACTIVITY_PROPOSED, "--version", "2");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("Not retired");
        assertThat(run("register").exitCode()).isZero();
        assertThat(client.subjectCompatibility(ACTIVITY_PROPOSED)).contains(SchemaContract.POLICY);
    }

    /** Runs {@code pfp schemas <arguments>} against the test registry, capturing what it prints. */
    private static Run run(String... arguments) {
        String[] withConfig = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, withConfig, 0, arguments.length);
        withConfig[arguments.length] = "--config";
        withConfig[arguments.length + 1] = config.toString();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exitCode = new CommandLine(new SchemasCommand()).execute(withConfig);
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private record Run(int exitCode, String output) {
    }
}
