package org.pfptracker.faults.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The slim per-role runtimes the build makes ({@code distributions/<role>/target/pfp-<role>.jar}), which is how the
 * tracker, the gateway and the registry are deployed: the suite runs them from these, not from the full CLI.
 */
final class Runtimes {

    /** Where the runtimes are: the {@code distributions} folder, set by the module's pom. */
    static final String PROPERTY = "pfp.runtimes";
    private static final Set<String> ROLES = Set.of("tracker", "gateway", "registry");

    private Runtimes() {
    }

    /**
     * The role's runtime jar, or empty for a role that has none (one-off commands: topics, schemas).
     *
     * @throws IllegalStateException when the role has a runtime but it was not built
     */
    static Optional<Path> of(String role) {
        if (!ROLES.contains(role)) {
            return Optional.empty();
        }
        Path jar = Path.of(System.getProperty(PROPERTY, "../../distributions")).toAbsolutePath().normalize()
                .resolve(role).resolve("target").resolve("pfp-" + role + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + role + " runtime " + jar + " is missing; build it with"
                    + " 'mvn -pl distributions/" + role + " -am package'");
        }
        return Optional.of(jar);
    }
}
