package org.pfptracker.registry;

import org.pfptracker.core.lifecycle.ServiceMain;
import org.pfptracker.http.access.AccessSettings;

/**
 * Runs a registry server on its own until the JVM is stopped: {@code java -jar pfp-registry.jar
 * [registry.properties]}. Settings come from the optional properties file, {@code PFP_*} environment variables
 * and {@code -Dpfp.*} properties, as for every pfp process ({@code registry.*} and {@code access.*}); see
 * {@link RegistryConfig}. A wrong setting stops it with one line and exit status 2.
 */
public final class RegistryMain {

    private RegistryMain() {
    }

    /**
     * @param args optionally, the path of a properties file
     */
    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run("registry", args,
                settings -> SchemaRegistryServer.start(RegistryConfig.from(settings), AccessSettings.from(settings)));
    }
}
