package org.pfptracker.tracker.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the partner a request is about into the logging context ({@code partnerId} in the MDC) while the
 * request is handled, so every line logged meanwhile says which partner it concerns, as a field of its
 * own in JSON logs.
 */
final class LogContext {

    static final String PARTNER_ID = "partnerId";

    private LogContext() {
    }

    /** The handler, run with the request's partner in the logging context. */
    static Handler around(Handler handler) {
        return ctx -> {
            try (MDC.MDCCloseable ignored = partnerOf(ctx)) {
                handler.handle(ctx);
            }
        };
    }

    /** Runs {@code action} (e.g. logging a failure) with the request's partner in the logging context. */
    static void run(Context ctx, Runnable action) {
        try (MDC.MDCCloseable ignored = partnerOf(ctx)) {
            action.run();
        }
    }

    private static MDC.MDCCloseable partnerOf(Context ctx) {
        Map<String, String> path = ctx.pathParamMap();
        String partnerId = path.get(RequestParameters.PARTNER_ID);
        // Only a well-formed id: a decoded path could carry line breaks into the log otherwise.
        return RequestParameters.isPartnerId(partnerId) ? MDC.putCloseable(PARTNER_ID, partnerId) : null;
    }
}
