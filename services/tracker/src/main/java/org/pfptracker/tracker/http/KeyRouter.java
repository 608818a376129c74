package org.pfptracker.tracker.http;

import org.pfptracker.http.problem.ProblemException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.streams.state.HostInfo;
import org.pfptracker.tracker.query.JsonBody;
import org.pfptracker.tracker.query.KeyReplicas;
import org.pfptracker.tracker.query.LocalViews;
import org.pfptracker.tracker.query.PartnerRouting;
import org.pfptracker.tracker.query.ViewsUnavailableException;

/**
 * Answers a query about one partner from whichever instance can: this one when it holds the partner's
 * active copy, else the instance that does (the request is forwarded as it came), else a standby copy,
 * flagged stale. A forwarded request is only ever answered locally: one hop at most, no loops.
 */
final class KeyRouter {

    /** Reads the answer from this instance's stores; throws {@link ProblemException} for an unknown partner. */
    @FunctionalInterface
    interface LocalRead {
        Object read(LocalViews views, boolean allowStandby);
    }

    private final PartnerRouting routing;
    private final LocalViews views;
    private final PeerClient peers;
    private final QueryCounters counters;

    KeyRouter(PartnerRouting routing, LocalViews views, PeerClient peers, QueryCounters counters) {
        this.routing = routing;
        this.views = views;
        this.peers = peers;
        this.counters = counters;
    }

    /**
     * Answers the request about {@code partnerId}.
     *
     * @param pathAndQuery the request as it is to be forwarded (parameters resolved, e.g. the as-of date pinned,
     *     so every copy computes the same answer)
     * @throws ViewsUnavailableException when no copy can answer now
     */
    void answer(Context ctx, String partnerId, String pathAndQuery, LocalRead read) {
        if (peers.forwardedByPeer(ctx)) {
            answerForwarded(ctx, partnerId, read);
            return;
        }
        HostInfo self = routing.self();
        KeyReplicas replicas = routing.replicasOf(partnerId);
        List<String> failures = new ArrayList<>();
        for (KeyReplicas.Replica replica : replicas.candidates(self)) {
            if (replica.host().equals(self)) {
                try {
                    answerLocally(ctx, partnerId, replicas.partition(), read, replica.standby());
                    return;
                } catch (ViewsUnavailableException e) {
                    failures.add("this instance: " + e.getMessage());
                }
            } else {
                PeerAnswer answer = ask(ctx, replica, pathAndQuery, failures);
                if (answer != null) {
                    relay(ctx, answer);
                    return;
                }
            }
        }
        throw new ViewsUnavailableException("no copy of partner '" + partnerId + "' could answer: "
                + String.join("; ", failures));
    }

    private void answerForwarded(Context ctx, String partnerId, LocalRead read) {
        HostInfo self = routing.self();
        KeyReplicas replicas = routing.replicasOf(partnerId);
        boolean staleAllowed = "true".equals(ctx.header(QueryHeaders.ALLOW_STALE));
        if (replicas.isActive(self)) {
            answerLocally(ctx, partnerId, replicas.partition(), read, false);
        } else if (staleAllowed && replicas.isStandby(self)) {
            answerLocally(ctx, partnerId, replicas.partition(), read, true);
        } else {
            // The asking instance's metadata is behind ours; it finds the new owner when it retries.
            throw new ViewsUnavailableException("partner '" + partnerId + "' is not held here any more"
                    + " (its partition is moving between instances)");
        }
    }

    private void answerLocally(Context ctx, String partnerId, int partition, LocalRead read, boolean standby) {
        routing.requireLocalCopy(partition, standby);
        Object body;
        try {
            body = read.read(views, standby);
        } catch (ProblemException e) {
            if (!standby && e.problem().status() == 404) {
                confirmStillActive(partnerId);
            }
            mark(ctx, standby);
            throw e;
        }
        mark(ctx, standby);
        if (body instanceof JsonBody json) {
            ctx.contentType("application/json").result(json.json());
        } else {
            ctx.json(body);
        }
    }

    /**
     * A store read only sees the partitions queryable at that moment: if the partner's partition moved
     * away or started restoring between the check and the read, "not found" would be wrong. Checked again
     * after the fact, on a 404 only.
     */
    private void confirmStillActive(String partnerId) {
        KeyReplicas replicas = routing.replicasOf(partnerId);
        if (!replicas.isActive(routing.self())) {
            throw new ViewsUnavailableException("partner '" + partnerId + "' moved to another instance while"
                    + " it was being read");
        }
        routing.requireLocalCopy(replicas.partition(), false);
    }

    private void mark(Context ctx, boolean standby) {
        HostInfo self = routing.self();
        ctx.header(QueryHeaders.SERVED_BY, PeerClient.address(self));
        if (standby) {
            counters.servedStale();
            ctx.header(QueryHeaders.STALE, "true");
        }
    }

    /** The other instance's answer, or {@code null} (with the reason added to failures) when it had none. */
    private PeerAnswer ask(Context ctx, KeyReplicas.Replica replica, String pathAndQuery, List<String> failures) {
        HostInfo host = replica.host();
        try {
            PeerAnswer answer = peers.get(host, pathAndQuery, replica.standby(), ctx).get();
            if (!answer.unavailable()) {
                return answer;
            }
            failures.add(PeerClient.address(host) + " answered " + answer.reason());
        } catch (ExecutionException e) {
            failures.add(peers.describe(host, e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ViewsUnavailableException("interrupted while asking " + PeerClient.address(host));
        }
        return null;
    }

    private static void relay(Context ctx, PeerAnswer answer) {
        ctx.status(answer.status());
        answer.headers().forEach(ctx::header);
        if (answer.contentType() != null) {
            ctx.contentType(answer.contentType());
        }
        ctx.result(answer.body());
    }
}
