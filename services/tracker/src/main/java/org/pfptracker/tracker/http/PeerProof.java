package org.pfptracker.tracker.http;

import org.pfptracker.http.problem.ProblemException;
import org.pfptracker.http.problem.Problem;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proves that a request comes from another instance of this tracker: an HMAC-SHA256, with the secret all
 * instances share, of the method, the path with its query, and the time. Only a proven request may say it
 * was forwarded (and so be answered from this instance's stores, standby copies included); from anyone
 * else those headers are ignored. The caller's own token travels with the request and is checked too.
 */
public final class PeerProof {

    public static final String HEADER = "X-PFP-Peer";
    /** How old a proof may be: it binds the request to a moment, so a captured one soon stops working. */
    private static final Duration VALIDITY = Duration.ofSeconds(60);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    public PeerProof(String secret, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the peer secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    /** The proof header's value for a request this instance sends. */
    public String sign(String method, String pathAndQuery) {
        long now = clock.instant().getEpochSecond();
        return "t=" + now + ",sig=" + signature(method, pathAndQuery, now);
    }

    /**
     * Whether the request carries a valid proof: false when it carries none.
     *
     * @throws ProblemException 403 when it carries one that does not verify (a wrong secret, a stale or altered
     *     request): instances with different secrets must not treat each other's requests as outsiders'
     */
    boolean provenBy(Context ctx) {
        String proof = ctx.header(HEADER);
        if (proof == null) {
            return false;
        }
        String query = ctx.queryString();
        String pathAndQuery = ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        if (!valid(proof, ctx.method().name(), pathAndQuery)) {
            throw Refusals.of(Problem.of(403, "Forbidden", "the request's " + HEADER + " proof does not verify:"
                    + " every tracker instance must share one tracker.peer.secret, and clocks must agree within "
                    + VALIDITY.toSeconds() + " s"));
        }
        return true;
    }

    private boolean valid(String proof, String method, String pathAndQuery) {
        String[] parts = proof.split(",", 2);
        if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("sig=")) {
            return false;
        }
        long at;
        try {
            at = Long.parseLong(parts[0].substring(2));
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - at) > VALIDITY.toSeconds()) {
            return false;
        }
        byte[] expected = signature(method, pathAndQuery, at).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts[1].substring(4).getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String method, String pathAndQuery, long at) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((method + "\n" + pathAndQuery + "\n" + at).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
