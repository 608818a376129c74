package org.pfptracker.registry.http;

import io.javalin.Javalin;
import org.pfptracker.registry.store.SchemaStore;

/** Builds the registry's HTTP server: Confluent's REST API over a {@link SchemaStore}. */
public final class RegistryHttpApi {

    private RegistryHttpApi() {
    }

    /**
     * A server that is configured but not started; call {@code start(host, port)}.
     *
     * @param store the store every endpoint reads and writes
     */
    public static Javalin create(SchemaStore store) {
        RegistryRoutes routes = new RegistryRoutes(store);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            routes.addTo(config.routes);
            RegistryErrorHandling.addTo(config.routes);
        });
    }
}
