package org.pfptracker.http.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.http.issuer.LocalIssuer;
import org.pfptracker.http.issuer.TokenGrant;

/** Tokens checked against keys fetched over HTTP, as from a real issuer. */
class TokenVerifierTest {

    private Javalin keyServer;
    private final AtomicReference<String> servedKeys = new AtomicReference<>();
    private final AtomicInteger keyFetches = new AtomicInteger();
    private URI issuerUrl;
    private LocalIssuer issuer;
    private TokenVerifier verifier;

    @BeforeEach
    void startKeyServer() {
        keyServer = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/jwks.json", ctx -> {
                keyFetches.incrementAndGet();
                ctx.result(servedKeys.get());
            });
        }).start("127.0.0.1", 0);
        issuerUrl = URI.create("http://127.0.0.1:" + keyServer.port());
        issuer = LocalIssuer.withNewKey(issuerUrl, Clock.systemUTC());
        servedKeys.set(issuer.jwksJson());
        verifier = new TokenVerifier(settings(Map.of()));
    }

    @AfterEach
    void stop() {
        keyServer.stop();
    }

    private AccessSettings settings(Map<String, String> more) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(AccessSettings.ISSUER.key(), issuerUrl.toString(),
                AccessSettings.JWKS_URL.key(), issuerUrl + "/jwks.json"));
        values.putAll(more);
        return AccessSettings.fromMap(values);
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuerUrl.toString()).audience("pfp-tracker").subject("someone")
                .expirationTime(Date.from(now.plusSeconds(300))).issueTime(Date.from(now));
    }

    @Test
    void shouldIdentifyAPartnerReaderFromItsClaims() {
        String token = issuer.issue(TokenGrant.partnerReader("ukraine"), Duration.ofMinutes(5));

        Identity identity = verifier.verify(token, "test");

        assertThat(identity.roles()).containsExactly(Role.PARTNER_READER);
        assertThat(identity.partnerId()).hasToString("ukraine");
        assertThat(identity.reads("ukraine")).isTrue();
        assertThat(identity.reads("georgia")).isFalse();
        assertThat(identity.readsEveryPartner()).isFalse();
        assertThat(identity.client()).isEqualTo("pfp-dashboard");
    }

    @Test
    void shouldBindAWriterToItsEventTypesAndPartner() {
        String token = issuer.sign(claims().claim("pfp_roles", List.of("writer")).claim("pfp_partner", "georgia")
                .claim("pfp_event_types", "ActivityProposed ActivityCompleted").claim("client_id", "georgia-mod").build());

        Identity writer = verifier.verify(token, "test");

        assertThat(writer.client()).isEqualTo("georgia-mod");
        assertThat(writer.whyNotWrite("ActivityProposed", "georgia")).isNull();
        assertThat(writer.whyNotWrite("ActivityProposed", "ukraine")).contains("partner 'georgia' only");
        assertThat(writer.whyNotWrite("ExerciseScheduled", "georgia")).contains("ExerciseScheduled");
    }

    @Test
    void shouldRefuseATokenWhosePartnerClaimIsNoPartnerId() {
        // Trusted as it is, 'Georgia/../ukraine' would be logged, matched against URLs and keyed by.
        String token = issuer.sign(claims().claim("pfp_roles", List.of("writer")).claim("pfp_partner", "Georgia/../ukraine")
                .build());

        assertRefused(token, "pfp_partner claim: 'Georgia/../ukraine' is not a partner id");
    }

    @Test
    void shouldReadRolesThroughAConfiguredPathAsKeycloakPutsThem() {
        TokenVerifier keycloakStyle = new TokenVerifier(settings(Map.of(AccessSettings.ROLES_CLAIM.key(),
                "realm_access.roles")));
        String token = issuer.sign(claims().claim("realm_access", Map.of("roles", List.of("offline_access",
                "staff-reader"))).build());

        assertThat(keycloakStyle.verify(token, "test").roles()).containsExactly(Role.STAFF_READER);
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        String token = issuer.sign(claims().expirationTime(Date.from(Instant.now().minusSeconds(120))).build());

        assertRefused(token, "Expired JWT");
    }

    @Test
    void shouldAcceptATokenExpiredWithinTheClockSkew() {
        String token = issuer.sign(claims().expirationTime(Date.from(Instant.now().minusSeconds(10))).build());

        assertThat(verifier.verify(token, "test").subject()).isEqualTo("someone");
    }

    @Test
    void shouldRefuseATokenNotYetValid() {
        String token = issuer.sign(claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build());

        assertRefused(token, "before use time");
    }

    @Test
    void shouldRefuseATokenForAnotherAudience() {
        assertRefused(issuer.sign(claims().audience("someone-else").build()), "aud");
    }

    @Test
    void shouldRefuseATokenFromAnotherIssuer() {
        assertRefused(issuer.sign(claims().issuer("https://elsewhere.example").build()), "iss");
    }

    @Test
    void shouldRefuseATokenSignedWithAKeyTheIssuerDoesNotPublish() {
        LocalIssuer impostor = LocalIssuer.withNewKey(issuerUrl, Clock.systemUTC());

        assertRefused(impostor.sign(claims().build()), "");
    }

    @Test
    void shouldRefuseAnUnsignedToken() {
        String unsigned = new PlainJWT(claims().build()).serialize();

        assertRefused(unsigned, "");
    }

    @Test
    void shouldRefuseAnHmacTokenEvenWithTheKeyIdOfAPublishedKey() throws Exception {
        String kid = com.nimbusds.jose.jwk.JWKSet.parse(servedKeys.get()).getKeys().get(0).getKeyID();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims().build());
        hmac.sign(new MACSigner(UUID.randomUUID().toString() + UUID.randomUUID()));

        assertRefused(hmac.serialize(), "");
    }

    @Test
    void shouldFetchTheKeysAgainWhenTheIssuerRotatesItsKey() {
        verifier.verify(issuer.issue(TokenGrant.staffReader(), Duration.ofMinutes(5)), "test");
        LocalIssuer rotated = LocalIssuer.withNewKey(issuerUrl, Clock.systemUTC());
        servedKeys.set(rotated.jwksJson());

        Identity afterRotation = verifier.verify(rotated.issue(TokenGrant.staffReader(), Duration.ofMinutes(5)), "test");

        assertThat(afterRotation.readsEveryPartner()).isTrue();
        assertThat(keyFetches.get()).isEqualTo(2);
    }

    @Test
    void shouldNotFetchTheKeysForEveryTokenWithAnUnknownKeyId() {
        verifier.verify(issuer.issue(TokenGrant.staffReader(), Duration.ofMinutes(5)), "test");
        int before = keyFetches.get();

        for (int i = 0; i < 20; i++) {
            LocalIssuer stranger = LocalIssuer.withNewKey(issuerUrl, Clock.systemUTC());
            assertThatThrownBy(() -> verifier.verify(stranger.sign(claims().build()), "test"))
                    .isInstanceOf(AccessDeniedException.class);
        }

        assertThat(keyFetches.get() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldSayTheIssuerIsUnavailableRatherThanTheTokenIsBad() {
        TokenVerifier unreachable = new TokenVerifier(settings(Map.of(AccessSettings.JWKS_URL.key(),
                "http://127.0.0.1:1/jwks.json")));

        assertThatThrownBy(() -> unreachable.verify(issuer.issue(TokenGrant.staffReader(), Duration.ofMinutes(5)), "test"))
                .isInstanceOf(IssuerUnavailableException.class);
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token, "test"))
                .isInstanceOfSatisfying(AccessDeniedException.class, denied -> {
                    assertThat(denied.status()).isEqualTo(401);
                    assertThat(denied.challenge()).startsWith("Bearer realm=\"test\", error=\"invalid_token\"");
                    assertThat(denied.reason()).contains(reason);
                });
    }
}
