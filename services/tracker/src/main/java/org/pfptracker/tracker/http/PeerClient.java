package org.pfptracker.tracker.http;

import io.javalin.http.Context;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks other tracker instances over HTTP. Every request is marked as forwarded, so the receiver answers
 * from its own stores and never forwards it again; every request is bounded by one short timeout, so a
 * dead instance costs a query at most that long before another copy is tried.
 */
final class PeerClient {

    private static final Logger log = LoggerFactory.getLogger(PeerClient.class);

    private final HttpClient client;
    private final HostInfo self;
    private final Duration timeout;
    private final QueryCounters counters;
    private final PeerProof proof;
    private final String scheme;
    /** Instances whose last exchange failed, so that an outage is logged once, and its end too. */
    private final Set<HostInfo> unreachable = ConcurrentHashMap.newKeySet();

    /**
     * @param tls how other instances are called over HTTPS, when this one serves HTTPS: they serve with the
     *     same keys, or keys from the same authority
     */
    PeerClient(HostInfo self, Duration timeout, QueryCounters counters, PeerProof proof, Optional<SSLContext> tls) {
        // HTTP/1.1: without TLS, the HTTP/2 upgrade dance only adds a round trip between instances.
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout);
        tls.ifPresent(builder::sslContext);
        this.client = builder.build();
        this.scheme = tls.isPresent() ? "https" : "http";
        this.self = self;
        this.timeout = timeout;
        this.counters = counters;
        this.proof = proof;
    }

    /**
     * Whether another instance forwarded this request, proven with the shared secret. The forwarding headers
     * of anyone else are ignored: they would let a caller read standby copies or skip routing.
     */
    boolean forwardedByPeer(Context ctx) {
        return ctx.header(QueryHeaders.FORWARDED_BY) != null && proof.provenBy(ctx);
    }

    /**
     * Sends {@code GET pathAndQuery} to another instance. The future fails when the instance cannot be
     * reached or does not answer in time; any answer it gives, errors included, completes it.
     *
     * @param allowStale whether the other instance may answer from a standby copy
     * @param caller the request being answered: its caller's token goes along, checked there too
     */
    CompletableFuture<PeerAnswer> get(HostInfo peer, String pathAndQuery, boolean allowStale, Context caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(peer) + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header(QueryHeaders.FORWARDED_BY, address(self))
                .header(PeerProof.HEADER, proof.sign("GET", pathAndQuery))
                .GET();
        String authorization = caller.header("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (allowStale) {
            request.header(QueryHeaders.ALLOW_STALE, "true");
        }
        counters.forwarded();
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(PeerAnswer::of)
                .whenComplete((answer, failure) -> {
                    if (failure != null) {
                        counters.peerFailed();
                        // Once per outage, not once per query: queries keep flowing while an instance is down.
                        if (unreachable.add(peer)) {
                            log.warn("Tracker instance {}; answering from other copies until it is back",
                                    describe(peer, failure));
                        }
                    } else {
                        if (answer.unavailable()) {
                            counters.peerFailed();
                        }
                        if (unreachable.remove(peer)) {
                            log.info("Tracker instance {} answers again", address(peer));
                        }
                    }
                });
    }

    /** A failed exchange said in a few words, for a log line or a problem's detail. */
    String describe(HostInfo peer, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String what;
        if (cause instanceof HttpConnectTimeoutException) {
            what = "no connection within " + timeout.toMillis() + " ms";
        } else if (cause instanceof HttpTimeoutException) {
            what = "no answer within " + timeout.toMillis() + " ms";
        } else if (cause instanceof ConnectException) {
            what = "connection refused";
        } else {
            what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return address(peer) + " unreachable (" + what + ")";
    }

    /** An instance as written in headers and messages: {@code host:port}. */
    static String address(HostInfo instance) {
        return instance.host() + ":" + instance.port();
    }

    /**
     * The request as another instance is to receive it: same path and parameters, with the as-of date
     * pinned, so that every instance computes for the same day even across midnight.
     */
    static String forwardable(Context ctx, LocalDate asOf) {
        Map<String, List<String>> parameters = new HashMap<>(ctx.queryParamMap());
        parameters.put(RequestParameters.AS_OF, List.of(asOf.toString()));
        return pathAndQuery(ctx.path(), parameters);
    }

    /** A path with a query built from parameters, values encoded, names in a stable order. */
    static String pathAndQuery(String path, Map<String, ? extends Iterable<String>> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        new TreeMap<>(parameters).forEach((name, values) -> values.forEach(value ->
                query.add(encode(name) + "=" + encode(value))));
        return path + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String base(HostInfo peer) {
        String host = peer.host().contains(":") ? "[" + peer.host() + "]" : peer.host();
        return scheme + "://" + host + ":" + peer.port();
    }
}
