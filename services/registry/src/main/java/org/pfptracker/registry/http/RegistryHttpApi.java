package org.pfptracker.registry.http;

import io.javalin.Javalin;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.server.ProblemErrorHandler;
import org.pfptracker.http.server.SecurityHeaders;
import org.pfptracker.registry.client.protocol.RegistryMediaTypes;
import org.pfptracker.registry.store.SchemaStore;

/** Builds the registry's HTTP server: Confluent's REST API over a {@link SchemaStore}. */
public final class RegistryHttpApi {

    private RegistryHttpApi() {
    }

    /**
     * A server that is configured but not started; call {@code start(host, port)}.
     *
     * @param store the store every endpoint reads and writes
     * @param access who may call what: reads need any valid identity, writes the registry-admin role
     */
    public static Javalin create(SchemaStore store, AccessControl access) {
        RegistryRoutes routes = new RegistryRoutes(store, access);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            SecurityHeaders.installOn(config.routes);
            // Confluent's error shape, also for what Jetty refuses before any route runs.
            config.jetty.modifyServer(server -> server.setErrorHandler(ProblemErrorHandler.json(RegistryMediaTypes.V1_JSON,
                    (status, reason) -> "{\"error_code\":" + status + ",\"message\":"
                            + ProblemErrorHandler.quoted(reason == null ? "HTTP " + status : reason) + "}")));
            JsonBodiesOnly.addTo(config.routes);
            routes.addTo(config.routes);
            RegistryErrorHandling.addTo(config.routes);
        });
    }
}
