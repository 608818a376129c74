package org.pfptracker.http.server;

import io.javalin.Javalin;
import java.io.InputStream;

/**
 * A Javalin server set up as every pfp server is ({@link ServerSetup}), with a health probe and an endpoint
 * that reads a whole body the blocking way, as the gateway and the registry read commands and schemas.
 */
final class TestServer implements AutoCloseable {

    private final Javalin app;
    private final ServerSettings settings;

    private TestServer(Javalin app, ServerSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    static TestServer start(ServerSettings settings) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ServerSetup.install(config.jetty, "test", "127.0.0.1", 0, settings);
            ProblemErrorHandler errors = ProblemErrorHandler.problemJson();
            errors.installOn(config.jetty);
            errors.answerRefusalsIn(config.routes);
            config.routes.get("/health/live", ctx -> ctx.result("UP"));
            config.routes.post("/commands", ctx -> {
                try (InputStream body = ctx.bodyInputStream()) {
                    ctx.result("read " + body.readAllBytes().length);
                }
            });
        }).start();
        return new TestServer(app, settings);
    }

    static TestServer start(ServerLimits limits) {
        return start(ServerSettings.DEFAULTS.withLimits(limits));
    }

    int port() {
        return app.port();
    }

    String url(String path) {
        return settings.scheme() + "://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        app.stop();
    }
}
