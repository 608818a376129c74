package org.pfptracker.http.issuer;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pfptracker.core.partner.PartnerId;

/**
 * OAuth 2.0's authorization code flow with PKCE (RFC 6749, RFC 7636) for the dashboard, as an identity
 * provider would run it: {@code GET /authorize} shows the sign-in page, {@code POST /authorize} checks the
 * passcode and sends the browser back with a code, {@code POST /token} trades the code and its verifier
 * for an access token. Only S256 challenges, only the registered client and redirect URIs.
 */
final class AuthorizationEndpoints {

    static final String AUTHORIZE_PATH = "/authorize";
    static final String TOKEN_PATH = "/token";
    /** A signed-in browser's token lives a working day; signing in again is a click and a passcode. */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(8);
    private static final List<String> REQUEST_PARAMETERS = List.of("response_type", "client_id", "redirect_uri",
            "code_challenge", "code_challenge_method", "state", "scope");

    private final LocalIssuer issuer;
    private final DevSignIn signIn;
    private final AuthorizationCodes codes;

    AuthorizationEndpoints(LocalIssuer issuer, DevSignIn signIn, AuthorizationCodes codes) {
        this.issuer = issuer;
        this.signIn = signIn;
        this.codes = codes;
    }

    void showSignIn(Context ctx) {
        Map<String, String> request = authorizationRequest(ctx, false);
        if (request != null) {
            page(ctx, 200, SignInPage.form(request, null));
        }
    }

    void signIn(Context ctx) {
        Map<String, String> request = authorizationRequest(ctx, true);
        if (request == null) {
            return;
        }
        String passcode = ctx.formParam("passcode");
        if (passcode == null || !MessageDigest.isEqual(passcode.getBytes(StandardCharsets.UTF_8),
                signIn.passcode().getBytes(StandardCharsets.UTF_8))) {
            page(ctx, 401, SignInPage.form(request, "That is not the passcode pfp local printed."));
            return;
        }
        TokenGrant grant;
        if ("partner".equals(ctx.formParam("as"))) {
            String partner = ctx.formParam("partner");
            if (!PartnerId.isValid(partner)) {
                page(ctx, 400, SignInPage.form(request, "Name the partner by its id, e.g. ukraine."));
                return;
            }
            grant = TokenGrant.partnerReader(partner);
        } else {
            grant = TokenGrant.staffReader();
        }
        String code = codes.issue(grant, request.get("client_id"), request.get("redirect_uri"),
                request.get("code_challenge"));
        String state = request.get("state");
        ctx.redirect(request.get("redirect_uri") + "?code=" + encode(code) + (state == null ? "" : "&state=" + encode(state)),
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void token(Context ctx) {
        allowOrigin(ctx);
        ctx.header("Cache-Control", "no-store");
        try {
            if (!"authorization_code".equals(ctx.formParam("grant_type"))) {
                throw new OAuthException("unsupported_grant_type", "only authorization_code is offered here");
            }
            TokenGrant grant = codes.redeem(ctx.formParam("code"), ctx.formParam("client_id"),
                    ctx.formParam("redirect_uri"), ctx.formParam("code_verifier"));
            ctx.json(Map.of("access_token", issuer.issue(grant, ACCESS_TOKEN_LIFETIME), "token_type", "Bearer",
                    "expires_in", ACCESS_TOKEN_LIFETIME.toSeconds()));
        } catch (OAuthException e) {
            ctx.status(400).json(Map.of("error", e.error(), "error_description", e.getMessage()));
        }
    }

    /** The dashboard's script reads the token answer from another origin: allowed for its origins only. */
    private void allowOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && signIn.origins().contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        }
    }

    /**
     * The request's parameters, checked; null when refused (the page then says why). An unknown client or
     * redirect URI is never redirected to: that would make this page an open redirector.
     */
    private Map<String, String> authorizationRequest(Context ctx, boolean fromForm) {
        Map<String, String> request = new LinkedHashMap<>();
        for (String name : REQUEST_PARAMETERS) {
            String value = fromForm ? ctx.formParam(name) : ctx.queryParam(name);
            if (value != null) {
                request.put(name, value);
            }
        }
        String why = null;
        if (!signIn.clientId().equals(request.get("client_id"))) {
            why = "unknown client '" + request.getOrDefault("client_id", "") + "'";
        } else if (request.get("redirect_uri") == null
                || !signIn.redirectUris().contains(URI.create(request.get("redirect_uri")))) {
            why = "the redirect URI is not registered for this client";
        } else if (!"code".equals(request.get("response_type"))) {
            why = "only response_type=code is offered";
        } else if (request.get("code_challenge") == null || !"S256".equals(request.get("code_challenge_method"))) {
            why = "a PKCE code challenge with method S256 is required";
        }
        if (why != null) {
            page(ctx, 400, SignInPage.refusal(why));
            return null;
        }
        return request;
    }

    private void page(Context ctx, int status, String html) {
        ctx.status(status).header("Content-Security-Policy", SignInPage.contentSecurityPolicy(signIn.origins()))
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(html);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
