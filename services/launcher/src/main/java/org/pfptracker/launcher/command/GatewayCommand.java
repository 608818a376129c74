package org.pfptracker.launcher.command;

import java.util.concurrent.Callable;
import org.pfptracker.core.lifecycle.UntilStopped;
import org.pfptracker.gateway.GatewayService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs one HTTP gateway instance against the configured cluster and registry, until stopped. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Run an HTTP gateway (JSON commands in, Avro events to Kafka; OpenAPI at /openapi.yaml) "
                + "against the configured cluster.")
public final class GatewayCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    @Override
    public Integer call() throws InterruptedException {
        UntilStopped.run(GatewayService.start(options.load()), "gateway");
        return 0;
    }
}
