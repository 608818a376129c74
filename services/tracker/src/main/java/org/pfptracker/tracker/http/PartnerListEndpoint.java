package org.pfptracker.tracker.http;

import static org.pfptracker.tracker.http.RequestParameters.AS_OF;
import static org.pfptracker.tracker.http.RequestParameters.FRAMEWORK;
import static org.pfptracker.tracker.http.RequestParameters.ORDER;
import static org.pfptracker.tracker.http.RequestParameters.PACE_STATUS;
import static org.pfptracker.tracker.http.RequestParameters.SORT;
import static org.pfptracker.tracker.http.RequestParameters.STATUS;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.streams.state.HostInfo;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.http.access.Identity;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.tracker.query.LocalViews;
import org.pfptracker.tracker.query.PartnerList;
import org.pfptracker.tracker.query.PartnerListQuery;
import org.pfptracker.tracker.query.PartnerRouting;
import org.pfptracker.tracker.query.Readiness;
import org.pfptracker.tracker.query.ViewsUnavailableException;
import org.pfptracker.tracker.view.PartnerSummaryView;

/**
 * {@code GET /api/v1/partners}: every partner's summary, gathered from every instance that holds
 * partner store partitions, asked at the same time. Complete or not at all: if any instance cannot give
 * its part, or the partitions are moving, the answer is 503 rather than a list with partners missing.
 *
 * <p>Each instance is asked with a forwarded request, which it answers with its own partners only
 * (already filtered, to keep the exchange small); this instance then filters and sorts the whole.
 */
final class PartnerListEndpoint implements Handler {

    private static final ObjectMapper JSON = JsonSerde.mapper();

    private final PartnerRouting routing;
    private final LocalViews views;
    private final PeerClient peers;
    private final Clock clock;

    PartnerListEndpoint(PartnerRouting routing, LocalViews views, PeerClient peers, Clock clock) {
        this.routing = routing;
        this.views = views;
        this.peers = peers;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        RequestParameters parameters = RequestParameters.of(ctx)
                .allowOnly(AS_OF, FRAMEWORK, STATUS, PACE_STATUS, SORT, ORDER);
        LocalDate asOf = parameters.asOf(LocalDate.now(clock));
        PartnerListQuery query = parameters.partnerListQuery();
        Identity caller = AccessControl.identity(ctx);
        if (peers.forwardedByPeer(ctx)) {
            ctx.header(QueryHeaders.SERVED_BY, PeerClient.address(routing.self()));
            ctx.json(PartnerList.of(asOf, query.apply(readableBy(caller, localPart(asOf)))));
            return;
        }
        ctx.json(PartnerList.of(asOf, query.apply(readableBy(caller, gather(ctx, asOf)))));
    }

    /** A partner reader's list holds its own partner only; staff see them all. */
    private static List<PartnerSummaryView> readableBy(Identity caller, List<PartnerSummaryView> partners) {
        return caller.readsEveryPartner() ? partners
                : partners.stream().filter(partner -> caller.reads(partner.partnerId())).toList();
    }

    private List<PartnerSummaryView> gather(Context ctx, LocalDate asOf) {
        HostInfo self = routing.self();
        Set<HostInfo> instances = routing.activeInstances();
        String pathAndQuery = PeerClient.forwardable(ctx, asOf);
        Map<HostInfo, CompletableFuture<PeerAnswer>> asked = new LinkedHashMap<>();
        for (HostInfo instance : instances) {
            if (!instance.equals(self)) {
                asked.put(instance, peers.get(instance, pathAndQuery, false, ctx));
            }
        }
        List<PartnerSummaryView> partners = new ArrayList<>();
        if (instances.contains(self)) {
            partners.addAll(localPart(asOf));
        }
        for (Map.Entry<HostInfo, CompletableFuture<PeerAnswer>> part : asked.entrySet()) {
            partners.addAll(partOf(part.getKey(), part.getValue()));
        }
        requireEachPartnerOnce(partners);
        return partners;
    }

    /**
     * This instance's partners. A store read across partitions silently leaves out a partition that is
     * still restoring, so every partition held here must be queryable first.
     */
    private List<PartnerSummaryView> localPart(LocalDate asOf) {
        Readiness readiness = routing.readiness();
        if (!readiness.ready()) {
            throw new ViewsUnavailableException("the partner list is incomplete: " + PeerClient.address(routing.self())
                    + " cannot give its part yet (" + readiness.detail() + ")");
        }
        return views.partners(asOf);
    }

    private List<PartnerSummaryView> partOf(HostInfo instance, CompletableFuture<PeerAnswer> asked) {
        PeerAnswer answer;
        try {
            answer = asked.get();
        } catch (ExecutionException e) {
            throw new ViewsUnavailableException("the partner list is incomplete: "
                    + peers.describe(instance, e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ViewsUnavailableException("interrupted while gathering the partner list");
        }
        if (answer.status() != 200) {
            throw new ViewsUnavailableException("the partner list is incomplete: " + PeerClient.address(instance)
                    + " answered " + answer.reason() + " for its part");
        }
        try {
            return JSON.readValue(answer.body(), PartnerList.class).partners();
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable partner list from " + instance + ": " + e.getMessage(), e);
        }
    }

    /** Two instances listing the same partner means the partitions moved while they were asked. */
    private static void requireEachPartnerOnce(List<PartnerSummaryView> partners) {
        Set<String> seen = new HashSet<>();
        for (PartnerSummaryView partner : partners) {
            if (!seen.add(partner.partnerId())) {
                throw new ViewsUnavailableException("partner '" + partner.partnerId() + "' was listed by two"
                        + " instances (its partition moved while the list was gathered)");
            }
        }
    }
}
