package org.pfptracker.http.problem;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Objects;
import org.pfptracker.http.access.AccessDeniedException;
import org.pfptracker.http.access.IssuerUnavailableException;
import org.pfptracker.http.server.ProblemErrorHandler;
import org.pfptracker.http.server.UnreadBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a pfp server answers what it will not or cannot do, in one place for all of them: every error leaves as
 * {@code application/problem+json}, from a refused token (401/403 with its {@code WWW-Authenticate} challenge)
 * to an unmatched path (404), a wrong method (405), a request Jetty could not read (400, 414, 431), a body
 * arriving too slowly (408) and the unexpected (500, logged with its trace). Expected refusals carry no trace.
 */
public final class ProblemAnswers {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);
    public static final String RETRY_AFTER = "Retry-After";

    /** What a server wants to know about the problems it answers, e.g. to log them its own way. */
    public interface Listener {

        /** A request was refused with this problem (any status), for a reason the client can act on. */
        default void refused(Context ctx, Problem problem) {
        }

        /** A request failed unexpectedly; it is answered 500. */
        default void failed(Context ctx, Exception e) {
            log.error("Unexpected error answering {} {}", ctx.method(), ctx.path(), e);
        }
    }

    private final String server;
    private final String documentPath;
    private final Duration retryAfter;
    private final Listener listener;

    /**
     * @param server what the server is called in a 500's detail ("tracker", "gateway")
     * @param documentPath where the API is described, named in 404s and 405s
     * @param retryAfter what a 503 tells clients to wait before trying again
     */
    public ProblemAnswers(String server, String documentPath, Duration retryAfter, Listener listener) {
        this.server = Objects.requireNonNull(server, "server");
        this.documentPath = Objects.requireNonNull(documentPath, "documentPath");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Writes the problem, about the request's path, with Retry-After in whole seconds when given. */
    public static void write(Context ctx, Problem problem, Duration retryAfter) {
        if (retryAfter != null) {
            ctx.header(RETRY_AFTER, retryAfterSeconds(retryAfter));
        }
        ctx.status(problem.status()).json(problem.at(ctx.path())).contentType(Problem.CONTENT_TYPE);
    }

    /** A Retry-After value: whole seconds, rounded up, at least one. */
    public static String retryAfterSeconds(Duration retryAfter) {
        return Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    /** Answers every error of the server being configured as a problem. */
    public void installOn(JavalinConfig config) {
        ProblemErrorHandler errors = ProblemErrorHandler.problemJson();
        errors.installOn(config.jetty);
        errors.answerRefusalsIn(config.routes);
        config.routes.exception(ProblemException.class, (e, ctx) -> refuse(ctx, e.problem(), e.retryAfter().orElse(null)));
        config.routes.exception(AccessDeniedException.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", e.challenge());
            refuse(ctx, Problem.of(e.status(), e.status() == 401 ? "Unauthorized" : "Forbidden", e.reason()), null);
        });
        config.routes.exception(IssuerUnavailableException.class, (e, ctx) -> {
            log.warn("Refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            refuse(ctx, Problem.of(Problem.UNAVAILABLE, 503, "Token issuer unavailable", e.getMessage()), retryAfter);
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (exchangeEnded(ctx)) {
                // A long-lived answer (a change stream) finished after its client had gone and the server had
                // recycled the request: there is no one to answer, and nothing went wrong.
                log.debug("Nothing to answer: the exchange had ended ({})", e.toString());
                return;
            }
            listener.failed(ctx, e);
            write(ctx, Problem.of(500, "Internal error", "The " + server + " failed to answer; see its log."), null);
        });
        config.routes.error(404, "*", ctx -> unlessAnswered(ctx, Problem.of(404, "Not found", "No resource at "
                + ctx.path() + "; the API is described at " + documentPath)));
        config.routes.error(405, "*", ctx -> unlessAnswered(ctx, Problem.of(405, "Method not allowed", ctx.method()
                + " is not allowed on " + ctx.path() + "; the API is described at " + documentPath)));
    }

    /** Writes a refusal and tells the listener. */
    public void refuse(Context ctx, Problem problem, Duration retryAfter) {
        UnreadBody.discard(ctx);
        listener.refused(ctx, problem);
        write(ctx, problem, retryAfter);
    }

    /** Whether the request was recycled: its client has gone, and every read of it fails. */
    private static boolean exchangeEnded(Context ctx) {
        try {
            return ctx.req().getRequestURI() == null;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** A 404 or 405 from the router, unless a handler has already written its own problem. */
    private void unlessAnswered(Context ctx, Problem problem) {
        String written = ctx.res().getContentType();
        if (written == null || !written.startsWith(Problem.CONTENT_TYPE)) {
            refuse(ctx, problem, null);
        }
    }
}
