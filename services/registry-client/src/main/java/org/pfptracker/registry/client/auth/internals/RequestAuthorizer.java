package org.pfptracker.registry.client.auth.internals;

import java.net.URI;
import java.util.Optional;

/**
 * What one client puts in the {@code Authorization} header of each request, built once from its
 * {@code RegistryCredentials} by {@link RequestAuthorizers}. Thread-safe.
 */
public interface RequestAuthorizer {

    /**
     * The {@code Authorization} header for a request to this base URL, e.g. {@code Basic dXNlcjpwdw==},
     * or empty for none. May call an OAuth token endpoint first.
     *
     * @throws org.pfptracker.registry.client.TokenEndpointException when no token can be had
     */
    Optional<String> authorization(URI baseUrl);

    /** What is sent, in words and never the secret, for the message of a refusal. */
    String description();

    /** The registry refused the credentials (HTTP 401): a cached token is dropped, so the next call gets a new one. */
    void refused();

    /** The text with every secret this authorizer holds, or has sent, replaced. */
    String redact(String text);
}
