package org.pfptracker.launcher.command;

import java.util.concurrent.Callable;
import java.util.function.Function;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.schema.SchemaContract;
import org.pfptracker.platform.schema.SchemaContract.ContractReport;
import org.pfptracker.platform.schema.SchemaContract.SubjectStatus;
import org.pfptracker.registry.client.HttpSchemaRegistryClient;
import org.pfptracker.registry.client.SchemaRegistryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The deploy-time gate: this build's event schemas against a running registry. */
@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = "Check this build's event schemas against the registry, or register them.",
        subcommands = {SchemasCommand.Check.class, SchemasCommand.Register.class})
public final class SchemasCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Exit 1 if any event schema of this build is incompatible with what the registry holds "
                    + "(policy: BACKWARD_TRANSITIVE). Changes nothing: run it before deploying.")
    static final class Check implements Callable<Integer> {
        @Mixin SettingsOptions options;

        @Override
        public Integer call() {
            return run(options, SchemaContract::check);
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Check, then (if all compatible) hold every event subject to BACKWARD_TRANSITIVE and "
                    + "register the new schemas. Nothing is registered if any is incompatible.")
    static final class Register implements Callable<Integer> {
        @Mixin SettingsOptions options;

        @Override
        public Integer call() {
            return run(options, SchemaContract::register);
        }
    }

    /** Runs one contract step against the configured registry, prints the outcome, exit 1 if incompatible. */
    private static int run(SettingsOptions options, Function<SchemaContract, ContractReport> step) {
        try (SchemaRegistryClient registry =
                     HttpSchemaRegistryClient.forUrls(options.load().get(KafkaSettings.SCHEMA_REGISTRY_URL))) {
            return print(step.apply(new SchemaContract(registry)));
        }
    }

    private static int print(ContractReport report) {
        for (SubjectStatus status : report.subjects()) {
            System.out.printf("%-13s %s%n", status.outcome(), status.subject());
            status.messages().forEach(message -> System.out.println("              " + message));
        }
        System.out.println(report.compatible() ? "Schemas are compatible with the registry (policy "
                + SchemaContract.POLICY + ")." : "INCOMPATIBLE schemas: do not deploy this build.");
        return report.compatible() ? 0 : 1;
    }
}
