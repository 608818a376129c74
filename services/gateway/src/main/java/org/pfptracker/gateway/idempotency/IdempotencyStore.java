package org.pfptracker.gateway.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The answers to requests that carried an {@link IdempotencyKey}, remembered so that a retry gets the
 * same answer without publishing again.
 *
 * <p>Bounded twice: an entry is forgotten {@code ttl} after the request was first seen, and when
 * {@code maxKeys} are held the oldest is forgotten to make room. Forgetting is safe, because the event id
 * is derived from the key and the request's fingerprint ({@link IdempotencyKey#eventIdFor}), never from
 * what is stored here: a retry of a forgotten request publishes again under the same event id, which
 * consumers count once (only its offset differs); the same key on a different request, which this store
 * would have refused as a {@link Claim.Mismatch}, publishes under another id, so it takes effect rather
 * than being dropped downstream as a duplicate of the first. A request still in flight is remembered too,
 * so a concurrent retry waits for the first attempt's outcome instead of publishing beside it. A failed
 * attempt is forgotten at once, so its retry really tries again. In memory, per gateway instance.
 * Thread-safe.
 *
 * @param <R> the remembered answer
 */
public final class IdempotencyStore<R> {

    /** What became of a request's claim on its key. */
    public sealed interface Claim<R> {

        /** The key is new: the caller handles the request and completes {@code outcome} with its answer. */
        record First<R>(CompletableFuture<R> outcome) implements Claim<R> {
        }

        /** The same request was seen: its answer, when it has one. */
        record Replay<R>(CompletableFuture<R> outcome) implements Claim<R> {
        }

        /** The key was used for a different request: the client reused a key by mistake. */
        record Mismatch<R>() implements Claim<R> {
        }
    }

    private record Entry<R>(RequestFingerprint fingerprint, Instant expiresAt, CompletableFuture<R> outcome) {
    }

    private final Duration ttl;
    private final int maxKeys;
    private final Clock clock;
    /** In insertion order, which with one TTL for all is also expiry order: the eldest expire first. */
    private final LinkedHashMap<String, Entry<R>> entries = new LinkedHashMap<>();

    public IdempotencyStore(Duration ttl, int maxKeys, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The idempotency TTL must be positive, was " + ttl);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("The idempotency store must hold at least one key, was " + maxKeys);
        }
        this.ttl = ttl;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Claims a key for a request with this fingerprint, keys of all clients in one space. */
    public Claim<R> claim(IdempotencyKey key, RequestFingerprint fingerprint) {
        return claim("", key, fingerprint);
    }

    /**
     * Claims a key of one client for a request with this fingerprint. Each client has its keys to itself:
     * another client choosing the same key neither replays this one's answer nor is refused for it.
     */
    public synchronized Claim<R> claim(String client, IdempotencyKey key, RequestFingerprint fingerprint) {
        Instant now = clock.instant();
        forgetExpired(now);
        // A key is visible ASCII, so a NUL cannot make two clients' keys meet.
        String scoped = client + '\u0000' + key.value();
        Entry<R> existing = entries.get(scoped);
        if (existing != null) {
            return existing.fingerprint().equals(fingerprint)
                    ? new Claim.Replay<>(existing.outcome())
                    : new Claim.Mismatch<>();
        }
        if (entries.size() >= maxKeys) {
            Iterator<Map.Entry<String, Entry<R>>> eldest = entries.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        Entry<R> entry = new Entry<>(fingerprint, now.plus(ttl), new CompletableFuture<>());
        entries.put(scoped, entry);
        entry.outcome().whenComplete((answer, failure) -> {
            if (failure != null) {
                forget(scoped, entry);
            }
        });
        return new Claim.First<>(entry.outcome());
    }

    /** Keys held now, in flight or answered. */
    public synchronized int size() {
        return entries.size();
    }

    private synchronized void forget(String scoped, Entry<R> entry) {
        // Only this attempt's entry: a newer attempt under the same key may have replaced it meanwhile.
        entries.remove(scoped, entry);
    }

    private void forgetExpired(Instant now) {
        Iterator<Entry<R>> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            if (oldestFirst.next().expiresAt().isAfter(now)) {
                return;
            }
            oldestFirst.remove();
        }
    }
}
