package org.pfptracker.http.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pfptracker.core.partner.InvalidPartnerIdException;
import org.pfptracker.core.partner.PartnerId;

/**
 * Checks bearer tokens (signed JWTs) against the issuer's published keys, with Nimbus JOSE+JWT: the
 * signature with one of the issuer's keys and an asymmetric algorithm (so {@code alg: none} and HMAC
 * tokens are refused), the issuer, the audience, and {@code exp}/{@code nbf} within the clock skew.
 *
 * <p>A verified token is remembered until it expires, for at most {@link VerifiedTokens#RECHECK}: a
 * signature check costs more than the query it guards.
 *
 * <p>The keys are fetched from the JWKS URL (or the one the issuer's discovery document names) on first
 * use and cached; a token signed with a key id not in the cache fetches them again, at most once per
 * {@link AccessSettings#jwksMinRefresh()}, so keys can rotate without a restart and a stream of tokens
 * with made-up key ids cannot flood the issuer.
 */
public final class TokenVerifier {

    private static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessSettings settings;
    private final VerifiedTokens verified = new VerifiedTokens(java.time.Clock.systemUTC());
    private final Object lock = new Object();
    private volatile DefaultJWTProcessor<SecurityContext> processor;

    public TokenVerifier(AccessSettings settings) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("access control is off: there are no tokens to verify");
        }
        this.settings = settings;
    }

    /**
     * The identity a token proves.
     *
     * @throws AccessDeniedException (401) when the token does not verify, saying why
     * @throws IssuerUnavailableException when the issuer's keys cannot be fetched
     */
    public Identity verify(String token, String realm) {
        Identity known = verified.find(token);
        if (known != null) {
            return known;
        }
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (ParseException e) {
            throw AccessDeniedException.invalidToken(realm, "not a JWT (" + e.getMessage() + ")");
        } catch (BadJOSEException e) {
            throw AccessDeniedException.invalidToken(realm, e.getMessage());
        } catch (RateLimitReachedException e) {
            // The keys were fetched moments ago and this key id was not among them.
            throw AccessDeniedException.invalidToken(realm, "signed with a key the issuer does not publish");
        } catch (JOSEException e) {
            throw new IssuerUnavailableException("the token issuer's keys could not be read: " + e.getMessage(), e);
        }
        Identity identity = identityOf(claims, realm);
        verified.remember(token, identity, claims.getExpirationTime().toInstant().plus(settings.clockSkew()));
        return identity;
    }

    Identity identityOf(JWTClaimsSet claims, String realm) {
        Map<String, Object> all = claims.getClaims();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(claim(all, settings.rolesClaim()))) {
            Role.ofClaim(value).ifPresent(roles::add);
        }
        List<String> partner = strings(claim(all, settings.partnerClaim()));
        String client = first(strings(claim(all, settings.clientClaim())),
                first(strings(all.get("client_id")), claims.getSubject()));
        PartnerId partnerId;
        try {
            partnerId = partner.isEmpty() ? null : PartnerId.parse(partner.get(0));
        } catch (InvalidPartnerIdException e) {
            // A token binding its bearer to something that is no partner binds it to nothing known: refused, not
            // trusted as an unbound (every-partner) writer or matched against a URL as it is.
            throw AccessDeniedException.invalidToken(realm, "its " + settings.partnerClaim() + " claim: "
                    + e.getMessage());
        }
        return new Identity(claims.getSubject(), client, roles, partnerId,
                new HashSet<>(strings(claim(all, settings.eventTypesClaim()))));
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            if (processor == null) {
                processor = newProcessor(keys());
            }
            return processor;
        }
    }

    private DefaultJWTProcessor<SecurityContext> newProcessor(JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> created = new DefaultJWTProcessor<>();
        created.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(settings.audience()),
                new JWTClaimsSet.Builder().issuer(settings.issuer().toString()).build(), Set.of("sub", "exp"), null);
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        created.setJWTClaimsSetVerifier(claims);
        return created;
    }

    private JWKSource<SecurityContext> keys() {
        URL jwks;
        try {
            jwks = (settings.jwksUrl() != null ? settings.jwksUrl() : discoverJwks()).toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new IssuerUnavailableException("the token issuer " + settings.issuer() + " could not be asked where"
                    + " its keys are: " + e.getMessage(), e);
        }
        long minRefresh = settings.jwksMinRefresh().toMillis();
        return JWKSourceBuilder.<SecurityContext>create(jwks)
                // Keys are cached for 15 minutes; an unknown kid refetches, rate-limited.
                .cache(Math.max(15 * 60_000L, minRefresh * 2), 15_000L)
                .rateLimited(minRefresh)
                .refreshAheadCache(false)
                .retrying(true)
                .build();
    }

    private URI discoverJwks() throws IOException {
        String issuer = settings.issuer().toString();
        URI discovery = URI.create((issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration");
        HttpURLConnection connection = (HttpURLConnection) discovery.toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(5_000);
        try (InputStream body = connection.getInputStream()) {
            JsonNode document = JSON.readTree(body);
            JsonNode jwksUri = document.get("jwks_uri");
            if (jwksUri == null || !jwksUri.isTextual()) {
                throw new IOException(discovery + " names no jwks_uri");
            }
            return URI.create(jwksUri.asText());
        } finally {
            connection.disconnect();
        }
    }

    /** A claim by a dotted path: {@code realm_access.roles} is the roles inside the realm_access object. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** A claim's strings: a list, or one string with space-separated values (as OAuth's scope is). */
    private static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(item -> {
                if (item instanceof String text && !text.isBlank()) {
                    values.add(text.trim());
                }
            });
        } else if (claim instanceof String text) {
            for (String part : text.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    values.add(part);
                }
            }
        }
        return values;
    }

    private static String first(List<String> values, String otherwise) {
        return values.isEmpty() ? otherwise : values.get(0);
    }
}
