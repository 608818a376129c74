package org.pfptracker.http.issuer;

import java.util.Map;
import org.pfptracker.core.partner.PartnerId;

/**
 * The local issuer's sign-in page: a plain form, no script, everything it echoes escaped. The person picks
 * whom to sign in as (alliance staff, or one partner's reader) and types the passcode the stack printed.
 */
final class SignInPage {

    /**
     * No script at all, no framing, forms only to this page; and the redirect that follows a sign-in only to
     * the client's own origins, since browsers hold a form's redirects to form-action too.
     */
    static String contentSecurityPolicy(java.util.List<String> clientOrigins) {
        return "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' " + String.join(" ", clientOrigins)
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    private SignInPage() {
    }

    /** The form, carrying the authorization request's parameters through the POST. */
    static String form(Map<String, String> request, String problem) {
        StringBuilder hidden = new StringBuilder();
        request.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">\n"));
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign in · pfp local</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
                fieldset{border:1px solid #ccd;margin:1rem 0}label{display:block;margin:.5rem 0}
                .problem{color:#a00}</style></head>
                <body><h1>Sign in to pfp local</h1>
                <p>This is the local stack's own issuer, standing in for your organisation's sign-in. Type the
                passcode <code>pfp local</code> printed when it started.</p>
                %s
                <form method="post" action="/authorize">
                %s<fieldset><legend>Sign in as</legend>
                <label><input type="radio" name="as" value="staff" checked> Alliance staff (every partner)</label>
                <label><input type="radio" name="as" value="partner"> A partner's reader, for partner
                <input name="partner" placeholder="e.g. ukraine" pattern="%s"></label>
                </fieldset>
                <label>Passcode <input type="password" name="passcode" required autocomplete="off"></label>
                <button type="submit">Sign in</button>
                </form></body></html>
                """.formatted(problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + escape(problem) + "</p>",
                hidden, escape(PartnerId.REGEX));
    }

    /** A request that cannot be sent back anywhere safely: said here, never redirected. */
    static String refusal(String why) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in refused</title></head>"
                + "<body><h1>Sign-in refused</h1><p>" + escape(why) + "</p></body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
