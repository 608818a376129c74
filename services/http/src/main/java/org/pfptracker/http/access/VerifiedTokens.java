package org.pfptracker.http.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified, with whom they proved, until they expire: checking an ES256 or RS256 signature
 * costs far more than answering a query from a store, and a dashboard sends the same token with every
 * request. An entry is kept at most {@link #RECHECK} so that a key the issuer stops publishing, or claims it
 * stops issuing, take effect within minutes; never beyond the token's own expiry.
 */
final class VerifiedTokens {

    /** How long a verification is trusted without checking the signature again. */
    static final Duration RECHECK = Duration.ofMinutes(5);
    /** Tokens held at most; past that the expired go, and if none has, all (a flood of distinct tokens). */
    static final int MAX_TOKENS = 10_000;

    private record Verified(Identity identity, Instant until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** Who the token proved, if it was verified and is still within its time; null otherwise. */
    Identity find(String token) {
        Verified found = verified.get(token);
        if (found == null) {
            return null;
        }
        if (!clock.instant().isBefore(found.until())) {
            verified.remove(token, found);
            return null;
        }
        return found.identity();
    }

    /** Remembers a verified token until {@code expires} (its exp plus the clock skew), or {@link #RECHECK}. */
    void remember(String token, Identity identity, Instant expires) {
        Instant now = clock.instant();
        Instant until = expires.isBefore(now.plus(RECHECK)) ? expires : now.plus(RECHECK);
        if (verified.size() >= MAX_TOKENS) {
            verified.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(identity, until));
    }
}
