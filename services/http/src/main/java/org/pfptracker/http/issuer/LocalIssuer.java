package org.pfptracker.http.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.pfptracker.http.access.AccessSettings;
import org.pfptracker.http.access.Role;

/**
 * The token issuer of the embedded stack, so that {@code pfp local} runs with access control on: its own
 * signing key (EC P-256, ES256), its public key as a JWKS, and tokens for the roles a user tries out. The
 * servers check its tokens exactly as they check a real identity provider's, through the JWKS URL.
 *
 * <p>The key is kept in the data directory, readable by its owner only, so tokens printed at one start
 * still work after a restart.
 */
public final class LocalIssuer {

    /** What the local issuer's tokens are for, and what the servers expect by default. */
    public static final String AUDIENCE = "pfp-tracker";

    private final ECKey key;
    private final URI issuer;
    private final Clock clock;

    private LocalIssuer(ECKey key, URI issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** An issuer with a fresh key held in memory only. */
    public static LocalIssuer withNewKey(URI issuer, Clock clock) {
        return new LocalIssuer(newKey(), issuer, clock);
    }

    /** An issuer with the key stored at {@code keyFile}, created there (owner-only) when missing. */
    public static LocalIssuer withKeyIn(Path keyFile, URI issuer, Clock clock) {
        try {
            if (Files.exists(keyFile)) {
                return new LocalIssuer(ECKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8)), issuer, clock);
            }
            ECKey key = newKey();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Path written = Files.writeString(keyFile, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits its directory's access list.
            }
            return new LocalIssuer(key, issuer, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("the local issuer's key at " + keyFile + " could not be read or written", e);
        } catch (ParseException e) {
            throw new IllegalStateException("the local issuer's key at " + keyFile + " is not an EC JWK: delete it to"
                    + " have a new one made (tokens issued with it stop working)", e);
        }
    }

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no EC P-256 key could be generated", e);
        }
    }

    /** The issuer URL, the {@code iss} of its tokens. */
    public URI issuer() {
        return issuer;
    }

    /** The access settings a server needs to accept this issuer's tokens. */
    public AccessSettings accessSettings(URI jwksUrl) {
        return AccessSettings.forIssuer(issuer, jwksUrl);
    }

    /** The public key set, as served at the JWKS URL. */
    public String jwksJson() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    /** A signed token for the grant, valid from now for {@code lifetime}. */
    public String issue(TokenGrant grant, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer.toString())
                .audience(AUDIENCE)
                .subject(grant.subject())
                .claim("azp", grant.client())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("pfp_roles", grant.roles().stream().map(Role::claimValue).toList());
        if (grant.partnerId() != null) {
            claims.claim("pfp_partner", grant.partnerId());
        }
        if (!grant.eventTypes().isEmpty()) {
            claims.claim("pfp_event_types", grant.eventTypes());
        }
        return sign(claims.build());
    }

    /** Signs any claims with the issuer's key: for tests that need tokens the issuer would never make. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("a token could not be signed", e);
        }
    }

    /** The OpenID discovery document: where the keys are. */
    public Map<String, Object> discoveryDocument(URI jwksUrl) {
        return Map.of("issuer", issuer.toString(), "jwks_uri", jwksUrl.toString(),
                "id_token_signing_alg_values_supported", java.util.List.of("ES256"),
                "response_types_supported", java.util.List.of("code"),
                "subject_types_supported", java.util.List.of("public"));
    }
}
