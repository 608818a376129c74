package org.pfptracker.tracker.http;

/**
 * HTTP headers the tracker instances exchange, and the ones a client may read. Documented for clients
 * in the OpenAPI document.
 */
final class QueryHeaders {

    /**
     * On a request from one instance to another: who forwarded it. Such a request is answered from the
     * receiving instance's own stores and never forwarded again, so a query makes at most one hop.
     */
    static final String FORWARDED_BY = "X-PFP-Forwarded-By";
    /** On a forwarded request: the receiving instance may answer from its standby copy. */
    static final String ALLOW_STALE = "X-PFP-Allow-Stale";
    /**
     * On a response: {@code true} when it was read from a standby copy, because the instance with the
     * active copy could not answer; the view may lag behind the latest events.
     */
    static final String STALE = "X-PFP-Stale";
    /** On a response: the instance ({@code host:port}) whose store answered. */
    static final String SERVED_BY = "X-PFP-Served-By";
    static final String RETRY_AFTER = "Retry-After";

    private QueryHeaders() {
    }
}
