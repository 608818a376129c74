package org.pfptracker.http.issuer;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who may sign in through the local issuer's own sign-in page, standing in for an organisation's identity
 * provider on a developer's machine: the one browser client, the addresses it may be sent back to, and
 * the passcode a person types to prove they are the one who started the stack (it is printed there). Any
 * process on the machine can reach the page; only the passcode makes it issue anything.
 *
 * @param clientId the dashboard's client id
 * @param redirectUris where a code may be sent, exactly (e.g. {@code http://127.0.0.1:8080/signin})
 * @param passcode what the sign-in page asks for
 */
public record DevSignIn(String clientId, Set<URI> redirectUris, String passcode) {

    public DevSignIn {
        Objects.requireNonNull(clientId, "clientId");
        redirectUris = Set.copyOf(redirectUris);
        if (passcode == null || passcode.length() < 8) {
            throw new IllegalArgumentException("the sign-in passcode must have at least 8 characters");
        }
    }

    /** The origins of the redirect URIs: the only pages whose scripts may call the token endpoint. */
    List<String> origins() {
        return redirectUris.stream().map(uri -> uri.getScheme() + "://" + uri.getAuthority()).distinct().toList();
    }
}
