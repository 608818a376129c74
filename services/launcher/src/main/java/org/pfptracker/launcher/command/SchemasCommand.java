package org.pfptracker.launcher.command;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.avro.SchemaParseException;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.schema.ContractRecord;
import org.pfptracker.platform.schema.SchemaContract;
import org.pfptracker.platform.schema.SchemaContract.ContractReport;
import org.pfptracker.platform.schema.SchemaContract.SubjectStatus;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.RegisteredSchema;
import org.pfptracker.registry.client.SchemaRegistryClient;
import org.pfptracker.registry.client.SchemaRegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The deploy-time gate: this build's event schemas against a running registry, and retiring a bad version. */
@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = "Check this build's event schemas against the registry, register them, or retire a version.",
        subcommands = {SchemasCommand.Check.class, SchemasCommand.Register.class, SchemasCommand.Retire.class})
public final class SchemasCommand {

    private static final String INDENT = "              ";

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Exit 1 if any event schema of this build is incompatible with what the registry holds "
                    + "(policy: BACKWARD_TRANSITIVE), if the registry's global level or a subject's level is weaker "
                    + "than the policy, or if a subject holds a version this project never released. Changes "
                    + "nothing: run it before deploying.")
    static final class Check implements Callable<Integer> {
        @Mixin SettingsOptions options;

        @Override
        public Integer call() {
            return run(options, SchemaContract::check);
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Check, then (if the check passes) hold every event subject to BACKWARD_TRANSITIVE and "
                    + "register the new schemas. Nothing is registered if the check fails.")
    static final class Register implements Callable<Integer> {
        @Mixin SettingsOptions options;

        @Override
        public Integer call() {
            return run(options, SchemaContract::register);
        }
    }

    // No mixinStandardHelpOptions here: its -V/--version would take the name --version means below.
    @Command(name = "retire",
            description = "Soft-delete one version of a subject (the registry's DELETE "
                    + "/subjects/{subject}/versions/{version}): it is no longer listed, looked up or used in "
                    + "compatibility checks, and its schema id keeps resolving, so records written with it stay "
                    + "readable. For a version 'schemas check' reports as never released by this project.")
    static final class Retire implements Callable<Integer> {
        @Mixin SettingsOptions options;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--subject", required = true, paramLabel = "SUBJECT",
                description = "The subject, e.g. pfp.activities.v1-org.pfptracker.event.ActivityProposed")
        String subject;

        @Option(names = "--version", required = true, paramLabel = "N", description = "The version to retire.")
        int version;

        @Option(names = "--force",
                description = "Retire it even if its schema is one this build released: compatibility checks then "
                        + "stop protecting the data written with it.")
        boolean force;

        @Override
        public Integer call() {
            try (SchemaRegistryClient registry = client(options)) {
                RegisteredSchema target = registry.version(subject, version);
                if (!force && isReleasedByThisProject(target)) {
                    System.out.println("Version " + version + " of " + subject + " is a schema this project released: "
                            + "retiring it would let new versions break the data written with it. Not retired "
                            + "(--force to retire it anyway).");
                    return 1;
                }
                registry.deleteSubjectVersion(subject, version, false);
                System.out.println("Retired version " + version + " of " + subject + " (schema id " + target.id()
                        + "): no longer listed, looked up or checked against; records written with id " + target.id()
                        + " stay readable. To remove it for good (the id then stops resolving), an administrator "
                        + "sends DELETE /subjects/" + subject + "/versions/" + version + "?permanent=true.");
                return 0;
            } catch (SchemaRegistryException refusal) {
                System.out.println("Not retired: " + refusal.getMessage());
                return 1;
            }
        }

        private boolean isReleasedByThisProject(RegisteredSchema registered) {
            Optional<ContractRecord> record = ContractRecord.forSubject(subject);
            try {
                return record.isPresent() && record.get().isReleased(registered.avroSchema());
            } catch (SchemaParseException notAvro) {
                return false;
            }
        }
    }

    /** Runs one contract step against the configured registry, prints the outcome, exit 1 if it failed. */
    private static int run(SettingsOptions options, Function<SchemaContract, ContractReport> step) {
        try (SchemaRegistryClient registry = client(options)) {
            return print(step.apply(new SchemaContract(registry)));
        }
    }

    private static SchemaRegistryClient client(SettingsOptions options) {
        // Authenticated as configured (schema.registry.client.*): registering needs the registry-admin role.
        return HttpSchemaRegistryClient.fromConfigs(KafkaSettings.registryClientConfig(options.load()));
    }

    private static int print(ContractReport report) {
        for (SubjectStatus status : report.subjects()) {
            System.out.printf("%-13s %s%n", status.outcome(), status.subject());
            status.messages().forEach(message -> System.out.println(INDENT + message));
            if (!status.levelHoldsPolicy()) {
                System.out.println(INDENT + "compatibility level " + status.level()
                        + (status.followsGlobal() ? " (the global one)" : " (the subject's own)")
                        + " is weaker than the policy " + SchemaContract.POLICY);
            }
            for (RegisteredSchema foreign : status.foreignVersions()) {
                System.out.println(INDENT + "version " + foreign.version() + " (schema id " + foreign.id()
                        + ") is a schema this project never released; once understood, retire it with: "
                        + "pfp schemas retire --subject " + status.subject() + " --version " + foreign.version());
            }
        }
        if (!report.globalLevelHoldsPolicy()) {
            System.out.println("The registry's global compatibility level " + report.globalLevel()
                    + " is weaker than the policy " + SchemaContract.POLICY + ": every subject without a level of its "
                    + "own, and every subject a producer creates, accepts changes that break old data. Set it back "
                    + "with PUT /config {\"compatibility\": \"" + SchemaContract.POLICY + "\"}.");
        }
        System.out.println(report.passed() ? "Schemas are compatible with the registry (policy "
                + SchemaContract.POLICY + ")." : "Schema check FAILED: do not deploy this build.");
        return report.passed() ? 0 : 1;
    }
}
