package org.pfptracker.kafka.embedded.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;

/**
 * Creates or replaces SCRAM-SHA-512 users on a running cluster, as
 * {@code kafka-configs --alter --add-config 'SCRAM-SHA-512=[password=...]' --entity-type users} does.
 * A new cluster gets its users when it is formatted ({@link Credentials#scramFormatterArguments()});
 * this is for users added later.
 */
public final class ScramUsers {

    /** Kafka's default, and what {@code kafka-storage format --add-scram} uses. */
    private static final int ITERATIONS = 4096;

    private ScramUsers() {
    }

    /**
     * Sets each principal's password, as a super-user's {@code admin}, and returns once the broker that
     * answers {@code admin} knows every one of them.
     *
     * @throws IllegalStateException if Kafka refuses, or does not know the users within {@code timeout}
     */
    public static void upsert(Admin admin, Map<KafkaPrincipal, String> passwords, Duration timeout) {
        if (passwords.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<UserScramCredentialAlteration> upsertions = passwords.entrySet().stream()
                .<UserScramCredentialAlteration>map(entry -> new UserScramCredentialUpsertion(entry.getKey().userName(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), entry.getValue()))
                .toList();
        List<String> users = passwords.keySet().stream().map(KafkaPrincipal::userName).toList();
        AdminCalls.await(admin.alterUserScramCredentials(upsertions).all(), timeout,
                "set the SCRAM credentials of " + users);
        AdminCalls.awaitTrue(() -> allKnown(admin, users, timeout), deadline,
                () -> "Kafka knows the SCRAM users " + users);
    }

    private static boolean allKnown(Admin admin, Collection<String> users, Duration timeout) {
        Map<String, UserScramCredentialsDescription> known = AdminCalls.await(
                admin.describeUserScramCredentials().all(), timeout, "describe the SCRAM users");
        return known.keySet().containsAll(users);
    }
}
