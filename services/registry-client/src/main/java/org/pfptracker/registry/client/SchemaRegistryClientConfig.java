package org.pfptracker.registry.client;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the registry is and how long to wait for it.
 *
 * @param baseUrls       one or more base URLs of registry instances, tried in turn; a base URL may
 *                       carry a path (e.g. {@code http://host:8080/apis/ccompat/v7})
 * @param connectTimeout how long to wait for a TCP connection to one instance
 * @param requestTimeout how long to wait for one instance's answer
 */
public record SchemaRegistryClientConfig(List<URI> baseUrls, Duration connectTimeout, Duration requestTimeout) {

    /** Default time to connect to one instance. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default time to wait for one instance's answer; a write waits for the registry's Kafka log. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Validates the fields and drops trailing slashes, so that paths can be appended. */
    public SchemaRegistryClientConfig {
        Objects.requireNonNull(baseUrls, "baseUrls");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is needed");
        }
        baseUrls = baseUrls.stream().map(SchemaRegistryClientConfig::checked).toList();
    }

    /**
     * A configuration with default timeouts.
     *
     * @param commaSeparatedUrls e.g. {@code http://registry-1:8081,http://registry-2:8081}
     */
    public static SchemaRegistryClientConfig of(String commaSeparatedUrls) {
        Objects.requireNonNull(commaSeparatedUrls, "commaSeparatedUrls");
        List<URI> urls = Arrays.stream(commaSeparatedUrls.split(","))
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(URI::create)
                .toList();
        return new SchemaRegistryClientConfig(urls, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** A configuration with default timeouts for the given URLs. */
    public static SchemaRegistryClientConfig of(List<URI> urls) {
        return new SchemaRegistryClientConfig(urls, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** The same configuration with another request timeout. */
    public SchemaRegistryClientConfig withRequestTimeout(Duration timeout) {
        return new SchemaRegistryClientConfig(baseUrls, connectTimeout, timeout);
    }

    /** The same configuration with another connect timeout. */
    public SchemaRegistryClientConfig withConnectTimeout(Duration timeout) {
        return new SchemaRegistryClientConfig(baseUrls, timeout, requestTimeout);
    }

    private static URI checked(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("Not an http(s) schema registry URL: " + url);
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }
}
