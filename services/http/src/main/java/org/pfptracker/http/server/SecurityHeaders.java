package org.pfptracker.http.server;

import io.javalin.config.RoutesConfig;

/** Headers every answer of every pfp server carries, whatever route answers. */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /**
     * Installs them: {@code nosniff}, so a browser never runs a JSON answer (which may echo what a caller
     * sent) as a script or page; and no framing of API answers by other sites.
     */
    public static void installOn(RoutesConfig routes) {
        routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
        });
    }
}
