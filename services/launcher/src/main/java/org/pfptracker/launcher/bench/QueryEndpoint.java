package org.pfptracker.launcher.bench;

import java.util.List;
import java.util.function.IntFunction;

/**
 * One kind of request of the query measurement.
 *
 * @param label how the report names it
 * @param pathOfRequest the path (and query) of the n-th request of a client, so that requests can
 *     rotate over partners
 */
record QueryEndpoint(String label, IntFunction<String> pathOfRequest) {

    /** The static endpoint: what the HTTP server costs with no query behind it, the yardstick of the others. */
    static QueryEndpoint liveness() {
        return new QueryEndpoint("GET /health/live", request -> "/health/live");
    }

    /** One partner's whole view as of today, rotating over the partners. */
    static QueryEndpoint partnerView(List<String> partnerIds) {
        return new QueryEndpoint("GET /api/v1/partners/{id}",
                request -> "/api/v1/partners/" + partnerIds.get(request % partnerIds.size()));
    }

    /** One partner's view as of a past date: the same facts, computed for another day. */
    static QueryEndpoint partnerViewAsOf(List<String> partnerIds, String asOf) {
        return new QueryEndpoint("GET /api/v1/partners/{id}?asOf=" + asOf,
                request -> "/api/v1/partners/" + partnerIds.get(request % partnerIds.size()) + "?asOf=" + asOf);
    }

    /** Every partner's summary. */
    static QueryEndpoint partnerList() {
        return new QueryEndpoint("GET /api/v1/partners", request -> "/api/v1/partners");
    }
}
