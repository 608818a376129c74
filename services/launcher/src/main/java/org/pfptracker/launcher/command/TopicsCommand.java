package org.pfptracker.launcher.command;

import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.pfptracker.core.config.Settings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.topic.ProvisioningReport;
import org.pfptracker.platform.topic.TopicProvisioner;
import org.pfptracker.platform.topic.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Applies the topic catalogue to a cluster, or only checks it. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create missing topics and correct their configuration (or --verify only).")
public final class TopicsCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    @Option(names = "--verify", description = "Change nothing; exit 1 if any topic differs from the catalogue.")
    boolean verify;

    @Override
    public Integer call() {
        Settings settings = options.load();
        try (Admin admin = Admin.create(KafkaSettings.clientConfig(settings))) {
            ProvisioningReport report = new TopicProvisioner(admin).provision(Topics.catalogue(settings),
                    verify ? TopicProvisioner.Mode.VERIFY : TopicProvisioner.Mode.APPLY);
            System.out.println(report.summary());
            return report.ok() ? 0 : 1;
        }
    }
}
