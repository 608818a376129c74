package org.pfptracker.launcher.command;

import java.nio.file.Path;
import org.pfptracker.core.config.Settings;
import picocli.CommandLine.Option;

/** Options every command shares: where the configuration comes from. */
public final class SettingsOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings (see 'pfp config'); PFP_* environment variables and "
                    + "-Dpfp.* system properties override it.")
    Path configFile;

    public Settings load() {
        return Settings.load(configFile);
    }
}
