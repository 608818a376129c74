package org.pfptracker.tracker.http;

import org.pfptracker.http.problem.Problem;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.util.Base64;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.platform.serde.JsonSerde;

/**
 * {@code /api/v1/session}: a browser's sign-in. A page cannot send an Authorization header on the change
 * stream ({@code EventSource} has no headers), so it hands its token over once, with the header, and gets
 * it back as a cookie that only this server reads (HttpOnly), only on same-site requests (SameSite=Strict),
 * only on reads. The cookie holds the token itself: it expires with it, and is checked like it on every
 * request.
 */
final class SessionEndpoints {

    static final String PATH = "/api/v1/session";
    static final String COOKIE = "pfp_session";

    private final AccessControl access;
    private final Clock clock;
    private final boolean secureCookies;

    SessionEndpoints(AccessControl access, Clock clock, boolean secureCookies) {
        this.access = access;
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    /** {@code POST}: the token of the Authorization header becomes the session cookie. */
    void signIn(Context ctx) {
        RequestParameters.of(ctx).allowOnly();
        if (access.enabled()) {
            String token = access.bearerToken(ctx);
            Cookie cookie = new Cookie(COOKIE, token, "/", (int) secondsLeft(token), secureCookies);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            ctx.cookie(cookie);
        }
        ctx.status(204);
    }

    /** {@code DELETE}: the session cookie is removed. */
    void signOut(Context ctx) {
        RequestParameters.of(ctx).allowOnly();
        Cookie gone = new Cookie(COOKIE, "", "/", 0, secureCookies);
        gone.setHttpOnly(true);
        gone.setSameSite(SameSite.STRICT);
        ctx.cookie(gone);
        ctx.status(204);
    }

    /** The token's remaining life, from its exp claim (already verified, so present and in the future). */
    private long secondsLeft(String token) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            long expires = JsonSerde.mapper().readTree(payload).path("exp").asLong();
            return Math.max(1, expires - clock.instant().getEpochSecond());
        } catch (RuntimeException | java.io.IOException e) {
            throw Refusals.of(Problem.badParameter("Authorization", "the token's expiry could not be read"));
        }
    }
}
