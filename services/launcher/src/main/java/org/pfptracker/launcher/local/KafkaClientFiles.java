package org.pfptracker.launcher.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.kafka.embedded.security.ClientSecurity;
import org.pfptracker.kafka.embedded.security.KafkaPrincipal;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.serde.EventSerdes;

/**
 * How the {@code pfp} commands of another terminal reach a secured local stack: one settings file per Kafka
 * user, e.g. {@code pfp publish ... --config .pfp-data/kafka-clients/publisher.properties}. Each holds what the
 * stack's own services connect with (the bootstrap servers, the registry URL and how to read it) and that
 * user's SASL_SSL settings under {@code kafka.client.}, with its password, so it is readable by its owner alone.
 *
 * @param directory  where the files are, one per {@link #USERS user}
 * @param trustStore the trust store they name, made again at every start of the broker
 */
public record KafkaClientFiles(Path directory, Path trustStore) {

    /** Every user a client may log in as: all but the broker, whose password is the node's alone. */
    public static final List<KafkaPrincipal> USERS = Arrays.stream(KafkaPrincipal.values())
            .filter(principal -> principal != KafkaPrincipal.BROKER)
            .toList();

    /** The file of one user, e.g. {@code publisher.properties}. */
    public Path of(KafkaPrincipal principal) {
        return fileOf(directory, principal);
    }

    /**
     * Brings the files in {@code directory} in line with the broker just started: every user's file when it is
     * secured, none when it is not.
     *
     * @param stack    the settings of the stack's services, pointed at its broker and registry
     * @param security the users' client settings; empty for a PLAINTEXT broker
     * @return the files written; empty for a PLAINTEXT broker
     */
    static Optional<KafkaClientFiles> update(Path directory, Settings stack, Optional<ClientSecurity> security) {
        if (security.isEmpty()) {
            removeFrom(directory);
            return Optional.empty();
        }
        return Optional.of(write(directory, stack, security.get()));
    }

    /** Every user's file, replacing those of an earlier start (ports and tokens may have changed). */
    private static KafkaClientFiles write(Path directory, Settings stack, ClientSecurity security) {
        Map<String, String> shared = shared(stack);
        for (KafkaPrincipal user : USERS) {
            OwnerOnlyFile.write(fileOf(directory, user), content(user, shared, security.forPrincipal(user)),
                    "the Kafka client settings of " + user.userName());
        }
        return new KafkaClientFiles(directory, security.trustStore());
    }

    /**
     * What every user's file repeats from the stack: where the broker and the registry are, and how the registry
     * is read. The stack registers this build's schemas itself and its services' registry token may only look
     * them up, so a command that registered schemas as it published would be refused.
     */
    private static Map<String, String> shared(Settings stack) {
        Map<String, String> shared = new LinkedHashMap<>();
        for (Setting<?> setting : List.of(KafkaSettings.BOOTSTRAP_SERVERS, KafkaSettings.SCHEMA_REGISTRY_URL,
                EventSerdes.AUTO_REGISTER_SCHEMAS)) {
            shared.put(setting.key(), String.valueOf(stack.get(setting)));
        }
        stack.withPrefix(KafkaSettings.REGISTRY_CLIENT_PREFIX).forEach((key, value) ->
                shared.put(KafkaSettings.REGISTRY_CLIENT_PREFIX + key, value));
        return shared;
    }

    /**
     * Removes the files of an earlier secured start: a PLAINTEXT broker does not take their settings, and their
     * passwords should not lie about unused.
     */
    private static void removeFrom(Path directory) {
        try {
            for (KafkaPrincipal user : USERS) {
                Files.deleteIfExists(fileOf(directory, user));
            }
            if (Files.isDirectory(directory)) {
                try (var left = Files.list(directory)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(directory);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The Kafka client settings in " + directory + " could not be removed", e);
        }
    }

    private static Path fileOf(Path directory, KafkaPrincipal principal) {
        return directory.resolve(principal.userName() + ".properties");
    }

    private static String content(KafkaPrincipal user, Map<String, String> shared,
                                  Map<String, String> clientProperties) {
        StringBuilder text = new StringBuilder()
                .append("# pfp local --secure-kafka: pfp commands connect as Kafka user '").append(user.userName())
                .append("' with --config <this file>.\n")
                .append("# Holds its password: keep it private. Written again at every start of the local stack.\n");
        shared.forEach((key, value) -> line(text, key, value));
        clientProperties.forEach((key, value) -> line(text, KafkaSettings.CLIENT_PREFIX + key, value));
        return text.toString();
    }

    /** One property; a backslash is an escape in a properties file, so one in a value (a Windows path) is doubled. */
    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n');
    }
}
