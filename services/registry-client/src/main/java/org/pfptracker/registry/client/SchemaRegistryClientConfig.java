package org.pfptracker.registry.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.pfptracker.registry.client.auth.RegistryAuthConfig;
import org.pfptracker.registry.client.auth.RegistryCredentials;
import org.pfptracker.registry.client.auth.internals.Secrets;

/**
 * Where the registry is, how long to wait for it, and what to authenticate with.
 *
 * <p>A base URL never keeps its user info ({@code https://user:password@host}): it is taken off here, so
 * that no URL this client prints or logs carries a password. To authenticate with it, say so with
 * {@link RegistryCredentials#fromUrlUserInfo(List)}, or {@code basic.auth.credentials.source=URL}.
 *
 * @param baseUrls       one or more base URLs of registry instances, tried in turn; a base URL may
 *                       carry a path (e.g. {@code http://host:8080/apis/ccompat/v7})
 * @param connectTimeout how long to wait for a TCP connection to one instance
 * @param requestTimeout how long to wait for one instance's answer (and for an OAuth token endpoint's)
 * @param credentials    what every request carries in its {@code Authorization} header
 */
public record SchemaRegistryClientConfig(List<URI> baseUrls, Duration connectTimeout, Duration requestTimeout,
                                         RegistryCredentials credentials) {

    /** The key of the registry's URLs in a Kafka client's configuration, as in Confluent's serdes. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Default time to connect to one instance. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default time to wait for one instance's answer; a write waits for the registry's Kafka log. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Validates the fields and drops each URL's user info and trailing slash, so that paths can be
     * appended and nothing secret is printed.
     */
    public SchemaRegistryClientConfig {
        Objects.requireNonNull(baseUrls, "baseUrls");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(credentials, "credentials");
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is needed");
        }
        baseUrls = baseUrls.stream().map(SchemaRegistryClientConfig::checked).toList();
        if (credentials instanceof RegistryCredentials.UrlUserInfo fromUrls) {
            credentials = forEachUrl(baseUrls, fromUrls);
        }
    }

    /** A configuration without credentials. */
    public SchemaRegistryClientConfig(List<URI> baseUrls, Duration connectTimeout, Duration requestTimeout) {
        this(baseUrls, connectTimeout, requestTimeout, RegistryCredentials.none());
    }

    /**
     * A configuration with default timeouts and no credentials.
     *
     * @param commaSeparatedUrls e.g. {@code http://registry-1:8081,http://registry-2:8081}
     */
    public static SchemaRegistryClientConfig of(String commaSeparatedUrls) {
        Objects.requireNonNull(commaSeparatedUrls, "commaSeparatedUrls");
        return of(parseUrls(commaSeparatedUrls));
    }

    /** A configuration with default timeouts and no credentials for the given URLs. */
    public static SchemaRegistryClientConfig of(List<URI> urls) {
        return new SchemaRegistryClientConfig(urls, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * The configuration a Kafka client's configuration map describes, with Confluent's keys:
     * {@code schema.registry.url} and the authentication keys of {@link RegistryAuthConfig}, each also
     * accepted with the {@code schema.registry.} prefix. This is how the serdes build their client, so a
     * producer or consumer configured for Confluent's serdes authenticates the same way with ours.
     *
     * @throws ConfigException when the URL is missing or invalid, or the credentials are incomplete or
     *                         contradictory; the message names the key and never repeats a secret
     */
    public static SchemaRegistryClientConfig fromConfigs(Map<String, ?> configs) {
        Objects.requireNonNull(configs, "configs");
        List<URI> urls;
        try {
            urls = urlsFrom(configs.get(SCHEMA_REGISTRY_URL));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid value for configuration " + SCHEMA_REGISTRY_URL + ": " + e.getMessage());
        }
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\": the URL of the schema registry, e.g. http://127.0.0.1:8081");
        }
        RegistryCredentials credentials = RegistryAuthConfig.credentials(configs, urls);
        try {
            return new SchemaRegistryClientConfig(urls, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, credentials);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid value for configuration " + SCHEMA_REGISTRY_URL + ": " + e.getMessage());
        }
    }

    /** The same configuration with another request timeout. */
    public SchemaRegistryClientConfig withRequestTimeout(Duration timeout) {
        return new SchemaRegistryClientConfig(baseUrls, connectTimeout, timeout, credentials);
    }

    /** The same configuration with another connect timeout. */
    public SchemaRegistryClientConfig withConnectTimeout(Duration timeout) {
        return new SchemaRegistryClientConfig(baseUrls, timeout, requestTimeout, credentials);
    }

    /** The same configuration authenticating with these credentials. */
    public SchemaRegistryClientConfig withCredentials(RegistryCredentials newCredentials) {
        return new SchemaRegistryClientConfig(baseUrls, connectTimeout, requestTimeout, newCredentials);
    }

    private static List<URI> urlsFrom(Object value) {
        if (value == null) {
            return List.of();
        }
        Stream<String> texts = value instanceof Collection<?> list
                ? list.stream().map(String::valueOf)
                : Stream.of(String.valueOf(value));
        return texts.flatMap(text -> parseUrls(text).stream()).toList();
    }

    private static List<URI> parseUrls(String commaSeparatedUrls) {
        return Arrays.stream(commaSeparatedUrls.split(","))
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(SchemaRegistryClientConfig::parseUrl)
                .toList();
    }

    /** URI.create would repeat the whole text, user info included, in its message. */
    private static URI parseUrl(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid schema registry URL: " + Secrets.configuredUrl(text)
                    + " (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
    }

    private static URI checked(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("Not an http(s) schema registry URL: " + Secrets.configuredUrl(url.toString()));
        }
        String text = Secrets.withoutUserInfo(url).toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : URI.create(text);
    }

    /** Keys the credentials by the base URLs as this configuration spells them, one for each URL. */
    private static RegistryCredentials.UrlUserInfo forEachUrl(List<URI> baseUrls, RegistryCredentials.UrlUserInfo fromUrls) {
        Map<URI, RegistryCredentials.Basic> byBaseUrl = new LinkedHashMap<>();
        fromUrls.byBaseUrl().forEach((url, basic) -> byBaseUrl.put(checked(url), basic));
        for (URI url : baseUrls) {
            if (!byBaseUrl.containsKey(url)) {
                throw new IllegalArgumentException("The credentials from URL user info have none for " + url);
            }
        }
        byBaseUrl.keySet().retainAll(baseUrls);
        return new RegistryCredentials.UrlUserInfo(byBaseUrl);
    }
}
