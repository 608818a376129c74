package org.pfptracker.gateway.http;

import io.javalin.http.Context;
import java.time.Duration;

/** Writes problem bodies, the one way every error leaves the gateway. */
final class ProblemResponses {

    static final String RETRY_AFTER_HEADER = "Retry-After";

    private ProblemResponses() {
    }

    /** Writes the problem, with Retry-After (in whole seconds) when the client should come back later. */
    static void write(Context ctx, Problem problem, Duration retryAfter) {
        if (retryAfter != null) {
            ctx.header(RETRY_AFTER_HEADER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }
}
