package org.pfptracker.http.access;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identifies the caller of each request from its bearer token and lets it through only if the route's
 * {@link AccessRule} allows it. One instance per server; routes are wrapped with {@link #guard}.
 */
public final class AccessControl {

    private static final Logger log = LoggerFactory.getLogger(AccessControl.class);
    private static final String IDENTITY_ATTRIBUTE = AccessControl.class.getName() + ".identity";
    private static final String BEARER = "bearer ";

    private final AccessSettings settings;
    private final String realm;
    private final TokenVerifier verifier;
    private final Identity unchecked;
    private final String sessionCookie;

    private AccessControl(AccessSettings settings, String realm, TokenVerifier verifier, Identity unchecked,
                          String sessionCookie) {
        this.settings = settings;
        this.realm = realm;
        this.verifier = verifier;
        this.unchecked = unchecked;
        this.sessionCookie = sessionCookie;
    }

    /**
     * The same, also taking the token from a session cookie on reads ({@code GET}, {@code HEAD}): a browser's
     * {@code EventSource} cannot send an Authorization header. Never on other methods, so a cross-site form
     * cannot act with a user's cookie.
     */
    public AccessControl withSessionCookie(String name) {
        return new AccessControl(settings, realm, verifier, unchecked, name);
    }

    /**
     * Access control for one server.
     *
     * @param realm the server's name in challenges ({@code pfp-tracker}, ...)
     * @param uncheckedClient who the caller is said to be when access control is off
     */
    public static AccessControl of(AccessSettings settings, String realm, String uncheckedClient) {
        if (!settings.enabled()) {
            log.warn("ACCESS CONTROL IS OFF on {}: anyone who can reach it reads every partner and writes any event"
                    + " (access.mode=off). Use it for experiments only.", realm);
            return new AccessControl(settings, realm, null, new Identity(Identity.UNIDENTIFIED, uncheckedClient, EnumSet.allOf(Role.class),
                    null, Set.of(Identity.ANY_EVENT_TYPE)), null);
        }
        log.info("{} accepts bearer tokens from {} for audience '{}'", realm, settings.issuer(), settings.audience());
        return new AccessControl(settings, realm, new TokenVerifier(settings), null, null);
    }

    /** The settings it checks with: the issuer, the claims, the dashboard's client. */
    public AccessSettings settings() {
        return settings;
    }

    public boolean enabled() {
        return verifier != null;
    }

    /** The handler, called only for requests the rule allows; the caller is then {@link #identity}. */
    public Handler guard(AccessRule rule, Handler handler) {
        return ctx -> {
            if (!rule.open()) {
                Identity caller = identify(ctx);
                if (!rule.allows(caller)) {
                    throw AccessDeniedException.forbidden(realm, "this call needs " + rule.needs());
                }
                ctx.attribute(IDENTITY_ATTRIBUTE, caller);
            }
            handler.handle(ctx);
        };
    }

    /** Who is calling, from the request's bearer token. */
    public Identity identify(Context ctx) {
        if (verifier == null) {
            return unchecked;
        }
        List<String> authorizations = Collections.list(ctx.req().getHeaders("Authorization"));
        if (authorizations.isEmpty()) {
            String fromCookie = sessionCookie == null || !isRead(ctx) ? null : ctx.cookie(sessionCookie);
            if (fromCookie == null || fromCookie.isBlank()) {
                throw AccessDeniedException.noToken(realm);
            }
            return verifier.verify(fromCookie, realm);
        }
        if (authorizations.size() > 1) {
            throw AccessDeniedException.invalidRequest(realm, "the request carries " + authorizations.size()
                    + " Authorization headers; send one");
        }
        String authorization = authorizations.get(0);
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw AccessDeniedException.invalidRequest(realm, "the Authorization header must use the Bearer scheme");
        }
        return verifier.verify(authorization.substring(BEARER.length()).trim(), realm);
    }

    /** The token of the request's Authorization header, checked: for a session that keeps it in a cookie. */
    public String bearerToken(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (verifier == null || authorization == null) {
            throw AccessDeniedException.invalidRequest(realm, "send the token in an Authorization header");
        }
        identify(ctx);
        return authorization.substring(BEARER.length()).trim();
    }

    private static boolean isRead(Context ctx) {
        String method = ctx.method().name();
        return method.equals("GET") || method.equals("HEAD");
    }

    /** The caller of a request a guarded route let through. */
    public static Identity identity(Context ctx) {
        Identity identity = ctx.attribute(IDENTITY_ATTRIBUTE);
        if (identity == null) {
            throw new IllegalStateException("no caller identified for " + ctx.path() + ": the route is not guarded");
        }
        return identity;
    }
}
