package org.pfptracker.launcher;

import org.pfptracker.core.config.ConfigurationException;
import org.pfptracker.launcher.command.BenchCommand;
import org.pfptracker.launcher.command.BrokerCommand;
import org.pfptracker.launcher.command.ConfigCommand;
import org.pfptracker.launcher.command.GatewayCommand;
import org.pfptracker.launcher.command.LocalCommand;
import org.pfptracker.launcher.command.PublishCommand;
import org.pfptracker.launcher.command.RegistryCommand;
import org.pfptracker.launcher.command.SchemasCommand;
import org.pfptracker.launcher.command.SimulateCommand;
import org.pfptracker.launcher.command.TopicsCommand;
import org.pfptracker.launcher.command.TrackerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pfp} command: one entry point for every pfp-tracker process and tool. */
@Command(name = "pfp", mixinStandardHelpOptions = true, version = "pfp-tracker 0.1.0",
        description = "pfp-tracker: Partnership for Peace cooperation events on Kafka, per-partner views over HTTP.",
        subcommands = {LocalCommand.class, TrackerCommand.class, GatewayCommand.class, RegistryCommand.class, TopicsCommand.class,
                PublishCommand.class, SimulateCommand.class, SchemasCommand.class, ConfigCommand.class, BenchCommand.class,
                BrokerCommand.class})
public final class Pfp {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Pfp())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // Operator mistakes are one clear line; anything else keeps its stack trace.
                    if (e instanceof ConfigurationException || e instanceof UserFacingException) {
                        cmd.getErr().println(cmd.getColorScheme().errorText("pfp: " + e.getMessage()));
                        return 2;
                    }
                    throw e;
                });
        System.exit(commandLine.execute(args));
    }
}
