package org.pfptracker.http.issuer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization codes of OAuth's code flow with PKCE (RFC 7636), held in memory: each is bound to the
 * client, the redirect URI and the code challenge it was issued for, lives a minute, and is redeemed once.
 */
final class AuthorizationCodes {

    /** How long a code may wait to be redeemed: the browser comes straight back with it. */
    static final Duration LIFETIME = Duration.ofSeconds(60);
    /** Codes held at most; beyond, the oldest go. Enough for people signing in, bounded against a flood. */
    private static final int MAX_PENDING = 1_000;

    private record Pending(TokenGrant grant, String clientId, String redirectUri, String codeChallenge,
                           Instant expires) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new code for the grant, to be redeemed by this client, with this redirect URI and verifier. */
    String issue(TokenGrant grant, String clientId, String redirectUri, String codeChallenge) {
        Instant now = clock.instant();
        pending.values().removeIf(code -> code.expires().isBefore(now));
        if (pending.size() >= MAX_PENDING) {
            throw new OAuthException("temporarily_unavailable", "too many sign-ins in progress; try again shortly");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(code, new Pending(grant, clientId, redirectUri, codeChallenge, now.plus(LIFETIME)));
        return code;
    }

    /**
     * What a code grants, once.
     *
     * @throws OAuthException {@code invalid_grant} when the code is unknown, used, expired, or asked for by
     *     another client, redirect URI or verifier than it was issued to
     */
    TokenGrant redeem(String code, String clientId, String redirectUri, String codeVerifier) {
        Pending found = code == null ? null : pending.remove(code);
        if (found == null || found.expires().isBefore(clock.instant())) {
            throw new OAuthException("invalid_grant", "the code is unknown, used or expired");
        }
        if (!found.clientId().equals(clientId) || !found.redirectUri().equals(redirectUri)) {
            throw new OAuthException("invalid_grant", "the code was issued to another client or redirect URI");
        }
        if (codeVerifier == null || !MessageDigest.isEqual(challengeOf(codeVerifier).getBytes(StandardCharsets.US_ASCII),
                found.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            throw new OAuthException("invalid_grant", "the code verifier does not match the code challenge");
        }
        return found.grant();
    }

    /** S256: base64url(SHA-256(verifier)), no padding. */
    static String challengeOf(String codeVerifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
