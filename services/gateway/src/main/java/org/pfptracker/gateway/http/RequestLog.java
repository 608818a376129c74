package org.pfptracker.gateway.http;

import io.javalin.http.Context;
import java.util.stream.Collectors;
import org.pfptracker.gateway.command.PartnerCommands;
import org.pfptracker.http.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per command outcome, in one format, so an operator can grep by partner or event id:
 * rejections (a client's mistake) at INFO, writes Kafka did not take at WARN, both without stack traces;
 * only the unexpected gets ERROR and a trace. Accepted commands are DEBUG: at full rate they would drown
 * everything else.
 */
final class RequestLog {

    private static final Logger log = LoggerFactory.getLogger("org.pfptracker.gateway.requests");

    private RequestLog() {
    }

    static void accepted(Context ctx, Accepted accepted, boolean replayed, long startedNanos) {
        if (replayed) {
            log.info("Replayed {} {} -> 202 {} event {} for partner {} (same Idempotency-Key and body)",
                    ctx.method(), ctx.path(), accepted.eventType(), accepted.eventId(), accepted.partnerId());
        } else if (log.isDebugEnabled()) {
            log.debug("Accepted {} {} -> 202 {} event {} for partner {} at {}-{}@{} in {} ms", ctx.method(), ctx.path(),
                    accepted.eventType(), accepted.eventId(), accepted.partnerId(), accepted.topic(),
                    accepted.partition(), accepted.offset(), (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }

    static void rejected(Context ctx, Problem problem) {
        String what = problem.errors() == null ? problem.detail()
                : problem.errors().stream().map(Object::toString).collect(Collectors.joining("; ", "[", "]"));
        if (problem.status() >= 500) {
            log.warn("Refused {} {} -> {} for partner {}: {}", ctx.method(), ctx.path(), problem.status(),
                    partnerOf(ctx), what);
        } else {
            log.info("Rejected {} {} -> {} for partner {}: {}", ctx.method(), ctx.path(), problem.status(),
                    partnerOf(ctx), what);
        }
    }

    static void notAccepted(Context ctx, String eventId, String partnerId, String cause) {
        log.warn("Not accepted {} {} -> 503 event {} for partner {}: Kafka did not acknowledge it: {}", ctx.method(),
                ctx.path(), eventId, partnerId, cause);
    }

    static void failed(Context ctx, String eventId, String partnerId, Throwable cause) {
        log.error("Failed {} {} -> 500 event {} for partner {}", ctx.method(), ctx.path(), eventId, partnerId, cause);
    }

    private static String partnerOf(Context ctx) {
        String partnerId = ctx.pathParamMap().get(PartnerCommands.PARTNER_ID);
        return partnerId == null ? "-" : partnerId;
    }
}
