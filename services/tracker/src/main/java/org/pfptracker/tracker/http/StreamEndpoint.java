package org.pfptracker.tracker.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.Identity;
import org.pfptracker.http.problem.Problem;
import org.pfptracker.http.problem.ProblemException;
import org.pfptracker.tracker.stream.ChangeStream;

/**
 * {@code GET /api/v1/stream}: server-sent events telling which partners changed, from every instance's
 * partners whichever instance is asked. Refused with 503 when the instance streams to as many clients as
 * it takes; a browser's {@code EventSource} asks with {@code Accept: text/event-stream}, anything else gets 406.
 */
final class StreamEndpoint implements Handler {

    static final String PATH = "/api/v1/stream";
    private static final String EVENT_STREAM = "text/event-stream";

    private final ChangeStream stream;
    private final Duration retryAfter;

    StreamEndpoint(ChangeStream stream, Duration retryAfter) {
        this.stream = stream;
        this.retryAfter = retryAfter;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        RequestParameters.of(ctx).allowOnly();
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            throw Refusals.of(Problem.of(406, "Not acceptable", "The change stream is served as "
                    + EVENT_STREAM + " only; ask with 'Accept: " + EVENT_STREAM + "'"));
        }
        Identity caller = AccessControl.identity(ctx);
        // One caller is one token's subject; with access control off, one address.
        String callerName = caller.unidentified() ? "address " + ctx.ip() : "subject " + caller.subject();
        ChangeStream.Admission admission = stream.admit(callerName).orElseThrow(() -> new ProblemException(
                Problem.of(Problem.UNAVAILABLE, 503, "Too many stream clients", "This instance streams to as many"
                        + " clients as it takes, or as many as one caller may have; close other pages, or try again"
                        + " later or another instance"), retryAfter));
        try {
            new SseHandler(client -> stream.serve(client, admission, caller::reads)).handle(ctx);
        } catch (Exception | Error e) {
            admission.close();
            throw e;
        }
    }
}
