package org.pfptracker.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.pfptracker.http.access.AccessDeniedException;
import org.pfptracker.http.access.IssuerUnavailableException;
import org.pfptracker.http.server.UnreadBody;
import org.pfptracker.registry.client.protocol.ErrorResponse;
import org.pfptracker.registry.client.protocol.RegistryMediaTypes;
import org.pfptracker.registry.store.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error leaves as Confluent's {@code {"error_code": ..., "message": ...}} body. A refused
 * request is the caller's mistake and is logged in one line at most; only a failure nobody expected
 * is logged with its stack trace.
 */
final class RegistryErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(RegistryErrorHandling.class);
    /** Marks a response whose error body is already written, so that Javalin's status handlers keep it. */
    private static final String ANSWERED = "pfp-registry-error-answered";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryErrorHandling() {
    }

    static void addTo(RoutesConfig routes) {
        routes.exception(RegistryException.class, RegistryErrorHandling::refusal);
        // Confluent's codes for these: 40101 unauthenticated, 40301 forbidden, 50301 unavailable.
        routes.exception(AccessDeniedException.class, (denied, ctx) -> {
            ctx.header("WWW-Authenticate", denied.challenge());
            answer(ctx, denied.status(), denied.status() == 401 ? 40101 : 40301, denied.reason());
        });
        routes.exception(IssuerUnavailableException.class, (unavailable, ctx) -> {
            log.warn("{} {} refused: {}", ctx.method(), ctx.path(), unavailable.getMessage());
            ctx.header("Retry-After", "5");
            answer(ctx, 503, 50301, unavailable.getMessage());
        });
        routes.exception(Exception.class, (failure, ctx) -> {
            log.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), failure);
            answer(ctx, 500, 500, "Internal Server Error");
        });
        routes.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                answer(ctx, 404, 404, "HTTP 404 Not Found");
            }
        });
        routes.error(405, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                answer(ctx, 405, 405, "HTTP 405 Method Not Allowed");
            }
        });
    }

    static void configDeletionNotSupported(Context ctx) {
        answer(ctx, 405, 405, "HTTP 405 Method Not Allowed: this registry does not delete compatibility levels; "
                + "set another one with PUT");
    }

    private static void refusal(RegistryException refusal, Context ctx) {
        if (refusal.isServerFailure()) {
            log.warn("{} {} failed: {}", ctx.method(), ctx.path(), refusal.getMessage());
            if (refusal.getCause() != null) {
                log.debug("Cause of the failure of {} {}", ctx.method(), ctx.path(), refusal.getCause());
            }
        } else {
            log.debug("{} {} refused with {}: {}", ctx.method(), ctx.path(), refusal.errorCode(), refusal.getMessage());
        }
        answer(ctx, refusal.httpStatus(), refusal.errorCode(), refusal.getMessage());
    }

    private static void answer(Context ctx, int status, int errorCode, String message) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(new ErrorResponse(errorCode, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an error body", e);
        }
        UnreadBody.discard(ctx);
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status).contentType(RegistryMediaTypes.V1_JSON).result(body);
    }
}
