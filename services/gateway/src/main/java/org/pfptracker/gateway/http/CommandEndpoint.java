package org.pfptracker.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.gateway.command.ClientValue;
import org.pfptracker.gateway.command.CommandBody;
import org.pfptracker.gateway.command.CommandRequest;
import org.pfptracker.gateway.command.PartnerCommands;
import org.pfptracker.gateway.command.Violation;
import org.pfptracker.gateway.delivery.DeliveryFailures;
import org.pfptracker.gateway.delivery.EventSink;
import org.pfptracker.gateway.idempotency.IdempotencyKey;
import org.pfptracker.gateway.idempotency.IdempotencyStore;
import org.pfptracker.gateway.idempotency.RequestFingerprint;
import org.pfptracker.gateway.partner.PartnerDirectory;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.AccessDeniedException;
import org.pfptracker.http.access.Identity;
import org.pfptracker.http.problem.Problem;
import org.pfptracker.http.problem.ProblemAnswers;
import org.pfptracker.http.problem.ProblemException;
import org.pfptracker.platform.event.Events;
import org.pfptracker.publisher.PublishReceipt;

/**
 * Takes a command from HTTP request to Kafka and back: checks, maps to its event, publishes, and answers
 * 202 only once Kafka has acknowledged the write with {@code acks=all}; 503 with Retry-After when it did
 * not, since the event may then be lost and the client must retry.
 */
final class CommandEndpoint {

    /** Header telling a client that a 202 is the remembered answer to an earlier request with its key. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Long enough for a leader election or a broker restart, short enough not to idle a client. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final PartnerDirectory directory;
    private final RequestBody requestBody;
    private final EventSink sink;
    private final IdempotencyStore<Accepted> answers;
    private final Clock clock;
    private final String source;
    private final AccessControl access;
    private final Duration answerTimeout;
    private final Executor responder;

    /**
     * @param answerTimeout the longest a request waits for Kafka's acknowledgement: the publisher's delivery
     *     timeout bounds it already; this is the gateway's own guarantee that no client waits forever
     * @param responder where answers are written, so that Kafka's I/O thread, which completes the receipts,
     *     never does HTTP work
     */
    CommandEndpoint(PartnerDirectory directory, RequestBody requestBody, EventSink sink,
                    IdempotencyStore<Accepted> answers, Clock clock, String source, AccessControl access,
                    Duration answerTimeout, Executor responder) {
        this.directory = directory;
        this.requestBody = requestBody;
        this.sink = sink;
        this.answers = answers;
        this.clock = clock;
        this.source = source;
        this.access = access;
        this.answerTimeout = answerTimeout;
        this.responder = responder;
    }

    /** Handles one request to a command route; refusals are thrown as problems for the server to answer. */
    void handle(Context ctx, CommandRoute route) {
        long started = System.nanoTime();
        if (!directory.isComplete()) {
            throw new ProblemException(Problem.of(Problem.UNAVAILABLE, 503, "Not ready",
                    "The gateway is still reading the known partners from Kafka; try again shortly"), RETRY_AFTER);
        }
        Map<String, String> parameters = checkedPathParameters(ctx, route);
        String partnerId = parameters.get(PartnerCommands.PARTNER_ID);
        if (partnerId != null && !directory.isKnown(partnerId)) {
            throw new ProblemException(Problem.of(GatewayProblems.UNKNOWN_PARTNER, 404, "Unknown partner",
                    "No partner '" + partnerId + "' has joined; join it first with POST " + CommandRoutes.PARTNERS));
        }
        ObjectNode body = requestBody.read(ctx);
        Optional<IdempotencyKey> key = idempotencyKey(ctx);
        // Who publishes: metadata.source names the client of the caller's token, never what a body claims.
        Identity caller = AccessControl.identity(ctx);
        String publisher = access.enabled() ? caller.client() : source;
        // The event id of a keyed request is bound to the key and to what was asked (method, path, body), by
        // whom: two clients choosing the same key never share an event.
        RequestFingerprint fingerprint = key.isPresent()
                ? RequestFingerprint.of(route.method().name(), publisher + " " + route.pathFor(parameters), body) : null;
        UUID eventId = key.map(k -> k.eventIdFor(fingerprint)).orElseGet(UUID::randomUUID);

        SpecificRecord event = route.command().toEvent(new CommandRequest(parameters, body, eventId, clock.instant(),
                publisher));
        String refusal = caller.whyNotWrite(event.getSchema().getName(), Events.partnerIdOf(event));
        if (refusal != null) {
            throw AccessDeniedException.forbidden("pfp-gateway", refusal);
        }

        String traceparent = Traceparent.valid(ctx.header(Traceparent.HEADER)).orElse(null);
        CompletableFuture<Answer> answer = key.isPresent()
                ? publishOnce(publisher, key.get(), fingerprint, event, traceparent)
                : publish(event, traceparent).thenApply(accepted -> new Answer(accepted, false));
        ctx.future(() -> answer.handleAsync((done, failure) -> {
            respond(ctx, event, done, failure, started);
            return null;
        }, responder));
    }

    private Map<String, String> checkedPathParameters(Context ctx, CommandRoute route) {
        Map<String, String> parameters = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (String name : route.pathParameters()) {
            String value = ctx.pathParam(name);
            boolean partner = name.equals(PartnerCommands.PARTNER_ID);
            Pattern form = partner ? CommandBody.PARTNER_ID : CommandBody.RESOURCE_ID;
            if (form.matcher(value).matches()) {
                parameters.put(name, value);
            } else {
                violations.add(new Violation(name, (partner ? CommandBody.PARTNER_ID_RULE : CommandBody.RESOURCE_ID_RULE)
                        + ", was '" + ClientValue.shown(value) + "'"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(GatewayProblems.withViolations(GatewayProblems.MALFORMED_REQUEST, 400, "Malformed path",
                    "The path names a resource with a malformed id", violations));
        }
        return parameters;
    }

    private static Optional<IdempotencyKey> idempotencyKey(Context ctx) {
        try {
            // Every value, not ctx.header's first: a key sent twice is refused, not half read.
            return IdempotencyKey.fromHeaders(Collections.list(ctx.req().getHeaders(IdempotencyKey.HEADER)));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(GatewayProblems.withViolations(GatewayProblems.MALFORMED_REQUEST, 400, "Malformed Idempotency-Key",
                    e.getMessage(), List.of(new Violation(IdempotencyKey.HEADER, e.getMessage()))));
        }
    }

    /** Publishes unless the same request was seen under this key; then its answer is the answer. */
    private CompletableFuture<Answer> publishOnce(String client, IdempotencyKey key, RequestFingerprint fingerprint,
                                                  SpecificRecord event, String traceparent) {
        IdempotencyStore.Claim<Accepted> claim = answers.claim(client, key, fingerprint);
        if (claim instanceof IdempotencyStore.Claim.First<Accepted> first) {
            CompletableFuture<Accepted> published = publish(event, traceparent);
            published.whenComplete((accepted, failure) -> {
                if (failure != null) {
                    first.outcome().completeExceptionally(failure);
                } else {
                    first.outcome().complete(accepted);
                }
            });
            return published.thenApply(accepted -> new Answer(accepted, false));
        }
        if (claim instanceof IdempotencyStore.Claim.Replay<Accepted> replay) {
            return replay.outcome().thenApply(accepted -> new Answer(accepted, true));
        }
        throw new ProblemException(GatewayProblems.withViolations(GatewayProblems.IDEMPOTENCY_KEY_REUSED, 422, "Idempotency-Key reused",
                "This Idempotency-Key was used for a different request (method, path or body); a new command needs "
                        + "a new key", List.of(new Violation(IdempotencyKey.HEADER, "was used for a different request"))));
    }

    private CompletableFuture<Accepted> publish(SpecificRecord event, String traceparent) {
        CompletableFuture<PublishReceipt> receipt;
        try {
            receipt = sink.publish(event, traceparent);
        } catch (RuntimeException e) {
            receipt = CompletableFuture.failedFuture(e);
        }
        return receipt.orTimeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(written -> {
                    // Read-your-writes: a partner whose join Kafka has is known before its client hears 202.
                    directory.learn(event);
                    return Accepted.of(event, written);
                });
    }

    private void respond(Context ctx, SpecificRecord event, Answer answer, Throwable failure, long started) {
        if (failure == null) {
            if (answer.replayed()) {
                ctx.header(REPLAYED_HEADER, "true");
            }
            ctx.status(202).json(answer.accepted());
            RequestLog.accepted(ctx, answer.accepted(), answer.replayed(), started);
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String eventId = Events.metadataOf(event).getEventId().toString();
        String partnerId = Events.partnerIdOf(event);
        if (DeliveryFailures.isTransient(cause)) {
            // orTimeout's own exception says nothing; say which wait ran out.
            String why = cause instanceof TimeoutException && cause.getMessage() == null
                    ? "no acknowledgement within " + answerTimeout.toMillis() + " ms"
                    : DeliveryFailures.describe(cause);
            RequestLog.notAccepted(ctx, eventId, partnerId, why);
            ProblemAnswers.write(ctx, Problem.of(Problem.UNAVAILABLE, 503, "Event not accepted",
                    "Kafka did not acknowledge event " + eventId + " (" + why + "); it may or may not have been "
                            + "written. Retry with the same Idempotency-Key: the retry carries the same event id, "
                            + "which consumers count once."), RETRY_AFTER);
        } else {
            RequestLog.failed(ctx, eventId, partnerId, cause);
            ProblemAnswers.write(ctx, Problem.of(500, "Internal error",
                    "Event " + eventId + " could not be published; see the gateway's log"), null);
        }
    }

    /** What the client is told on success, and whether it is a remembered answer. */
    private record Answer(Accepted accepted, boolean replayed) {
    }
}
