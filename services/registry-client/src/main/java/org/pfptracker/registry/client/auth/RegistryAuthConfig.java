package org.pfptracker.registry.client.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.pfptracker.registry.client.auth.internals.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema registry credentials a Kafka client's configuration map asks for, with the keys, values
 * and rules of Confluent's client, so that the same map authenticates Confluent's serdes and ours.
 *
 * <p>As in Confluent's client (since 7.x), every key is also read with the {@code schema.registry.}
 * prefix, e.g. {@code schema.registry.basic.auth.user.info}. When both forms are set, the prefixed one
 * wins, as Confluent's {@code USER_INFO} source has always preferred it.
 *
 * <ul>
 *   <li>No source set: no credentials, whatever the URL carries (Confluent's client sends none either).
 *   <li>{@code basic.auth.credentials.source}: {@code USER_INFO} with {@code basic.auth.user.info=user:password};
 *       {@code URL} with the user info of each {@code schema.registry.url}; {@code SASL_INHERIT} with the
 *       username and password of the PLAIN or SCRAM login module in {@code sasl.jaas.config}.
 *   <li>{@code bearer.auth.credentials.source}: {@code STATIC_TOKEN} with {@code bearer.auth.token};
 *       {@code OAUTHBEARER} with {@code bearer.auth.issuer.endpoint.url}, {@code bearer.auth.client.id},
 *       {@code bearer.auth.client.secret} and optionally {@code bearer.auth.scope} and
 *       {@code bearer.auth.cache.expiry.buffer.seconds}.
 *   <li>Both sources set: refused, as Confluent's client refuses it.
 * </ul>
 *
 * <p>Unlike Confluent's client, which silently sends nothing for a source it does not know, an unknown
 * or unsupported source is refused, naming the key: a typo must not turn into anonymous calls.
 */
public final class RegistryAuthConfig extends AbstractConfig {

    private static final Logger log = LoggerFactory.getLogger(RegistryAuthConfig.class);

    /** The prefix Confluent's client also accepts on each key. */
    public static final String CLIENT_NAMESPACE = "schema.registry.";

    /** How to find Basic credentials: URL, USER_INFO or SASL_INHERIT. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code username:password} for the USER_INFO source. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** How to find a bearer token: STATIC_TOKEN or OAUTHBEARER. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    /** The token for the STATIC_TOKEN source. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    /** The OAuth token endpoint for the OAUTHBEARER source. */
    public static final String BEARER_AUTH_ISSUER_ENDPOINT_URL = "bearer.auth.issuer.endpoint.url";
    /** The OAuth client id for the OAUTHBEARER source. */
    public static final String BEARER_AUTH_CLIENT_ID = "bearer.auth.client.id";
    /** The OAuth client secret for the OAUTHBEARER source. */
    public static final String BEARER_AUTH_CLIENT_SECRET = "bearer.auth.client.secret";
    /** The OAuth scope to ask for, for the OAUTHBEARER source. */
    public static final String BEARER_AUTH_SCOPE = "bearer.auth.scope";
    /** How many seconds before an OAuth token expires to fetch the next one. */
    public static final String BEARER_AUTH_CACHE_EXPIRY_BUFFER_SECONDS = "bearer.auth.cache.expiry.buffer.seconds";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, null, Importance.MEDIUM,
                    "Where the HTTP Basic credentials for the schema registry come from: USER_INFO (" + BASIC_AUTH_USER_INFO
                            + "), URL (the user info of each " + "schema.registry.url) or SASL_INHERIT (the username and "
                            + "password of the PLAIN or SCRAM login module in " + SaslConfigs.SASL_JAAS_CONFIG + "). "
                            + "Unset: no Basic credentials. Exclusive with " + BEARER_AUTH_CREDENTIALS_SOURCE + ".")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                    "The Basic credentials in the form username:password, for the USER_INFO source.")
            .define(BEARER_AUTH_CREDENTIALS_SOURCE, Type.STRING, null, Importance.MEDIUM,
                    "Where the bearer token for the schema registry comes from: STATIC_TOKEN (" + BEARER_AUTH_TOKEN
                            + ") or OAUTHBEARER (the OAuth client credentials grant at " + BEARER_AUTH_ISSUER_ENDPOINT_URL
                            + "). Unset: no bearer token. Exclusive with " + BASIC_AUTH_CREDENTIALS_SOURCE + ".")
            .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
                    "The bearer token sent as it is, for the STATIC_TOKEN source; it is never refreshed.")
            .define(BEARER_AUTH_ISSUER_ENDPOINT_URL, Type.STRING, null, Importance.MEDIUM,
                    "The OAuth token endpoint the OAUTHBEARER source posts its client credentials to.")
            .define(BEARER_AUTH_CLIENT_ID, Type.STRING, null, Importance.MEDIUM,
                    "The OAuth client id, for the OAUTHBEARER source.")
            .define(BEARER_AUTH_CLIENT_SECRET, Type.PASSWORD, null, Importance.MEDIUM,
                    "The OAuth client secret, for the OAUTHBEARER source.")
            .define(BEARER_AUTH_SCOPE, Type.STRING, null, Importance.LOW,
                    "The OAuth scope to ask for, for the OAUTHBEARER source; unset asks for the client's default.")
            .define(BEARER_AUTH_CACHE_EXPIRY_BUFFER_SECONDS, Type.INT,
                    (int) RegistryCredentials.OAuthClientCredentials.DEFAULT_EXPIRY_BUFFER.toSeconds(),
                    ConfigDef.Range.between(0, RegistryCredentials.OAuthClientCredentials.MAX_EXPIRY_BUFFER.toSeconds()),
                    Importance.LOW,
                    "How many seconds before an OAuth token expires to fetch the next one. A token is otherwise "
                            + "renewed after 80% of its lifetime, as Confluent's client does.");

    /** Kafka's own key, read (never declared) for SASL_INHERIT; a Password never prints its value. */
    private final Password saslJaasConfig;

    /**
     * Reads the authentication keys of a Kafka client's configuration map, each in either form.
     *
     * @throws ConfigException when a value has the wrong type
     */
    public RegistryAuthConfig(Map<String, ?> configs) {
        super(DEFINITION, resolved(configs), false);
        Object jaas = preferPrefixed(configs, SaslConfigs.SASL_JAAS_CONFIG);
        this.saslJaasConfig = jaas == null ? null : jaas instanceof Password password ? password : new Password(String.valueOf(jaas));
    }

    /**
     * The credentials a configuration map asks for.
     *
     * @param configs      a Kafka client's configuration
     * @param registryUrls the registry URLs as configured, with their user info, for the URL source
     * @throws ConfigException when the credentials are incomplete, unknown or contradictory; the message
     *                         names the keys and never repeats a secret
     */
    public static RegistryCredentials credentials(Map<String, ?> configs, List<URI> registryUrls) {
        return new RegistryAuthConfig(configs).credentials(registryUrls);
    }

    /** The keys, with their types, defaults and documentation, for documentation and tooling. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /**
     * The credentials these settings ask for.
     *
     * @param registryUrls the registry URLs as configured, with their user info, for the URL source
     */
    public RegistryCredentials credentials(List<URI> registryUrls) {
        String basic = text(getString(BASIC_AUTH_CREDENTIALS_SOURCE));
        String bearer = text(getString(BEARER_AUTH_CREDENTIALS_SOURCE));
        if (basic != null && bearer != null) {
            throw new ConfigException("Only one of '" + BASIC_AUTH_CREDENTIALS_SOURCE + "' and '"
                    + BEARER_AUTH_CREDENTIALS_SOURCE + "' may be specified (both are, with " + basic + " and " + bearer
                    + "): choose Basic or bearer authentication for the schema registry");
        }
        RegistryCredentials credentials = basic != null ? BasicSource.named(basic).read(this, registryUrls)
                : bearer != null ? BearerSource.named(bearer).read(this)
                : RegistryCredentials.none();
        boolean urlCarriesUserInfo = registryUrls.stream().anyMatch(url -> url.getRawUserInfo() != null);
        if (urlCarriesUserInfo && !BasicSource.URL.name().equals(basic)) {
            log.warn("A schema registry URL carries user info, but {} is not URL: the user info is not sent (as with "
                    + "Confluent's client)", BASIC_AUTH_CREDENTIALS_SOURCE);
        }
        return credentials;
    }

    /** Where Basic credentials come from; each source says what it needs. */
    enum BasicSource {
        /** The user info of each registry URL. */
        URL {
            @Override
            RegistryCredentials read(RegistryAuthConfig config, List<URI> registryUrls) {
                try {
                    return RegistryCredentials.fromUrlUserInfo(registryUrls);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=URL needs user info in every schema "
                            + "registry URL: " + e.getMessage());
                }
            }
        },
        /** {@code basic.auth.user.info}. */
        USER_INFO {
            @Override
            RegistryCredentials read(RegistryAuthConfig config, List<URI> registryUrls) {
                String userInfo = config.secret(BASIC_AUTH_USER_INFO)
                        .orElseThrow(() -> config.missing(BASIC_AUTH_CREDENTIALS_SOURCE, name(), BASIC_AUTH_USER_INFO,
                                "username:password"));
                try {
                    return RegistryCredentials.basicFromUserInfo(userInfo);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(eitherForm(BASIC_AUTH_USER_INFO) + " must have the form username:password, "
                            + "with no colon in the username");
                }
            }
        },
        /** The username and password of the Kafka client's own SASL login module. */
        SASL_INHERIT {
            @Override
            RegistryCredentials read(RegistryAuthConfig config, List<URI> registryUrls) {
                return config.inheritedSaslCredentials();
            }
        };

        abstract RegistryCredentials read(RegistryAuthConfig config, List<URI> registryUrls);

        static BasicSource named(String value) {
            return Arrays.stream(values()).filter(source -> source.name().equals(value)).findFirst()
                    .orElseThrow(() -> unknownSource(BASIC_AUTH_CREDENTIALS_SOURCE, value, Arrays.toString(values())));
        }
    }

    /** Where a bearer token comes from; each source says what it needs. */
    enum BearerSource {
        /** {@code bearer.auth.token}, as it is. */
        STATIC_TOKEN {
            @Override
            RegistryCredentials read(RegistryAuthConfig config) {
                String token = config.secret(BEARER_AUTH_TOKEN)
                        .orElseThrow(() -> config.missing(BEARER_AUTH_CREDENTIALS_SOURCE, name(), BEARER_AUTH_TOKEN,
                                "the token"));
                try {
                    return RegistryCredentials.bearerToken(token.trim());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("Invalid " + eitherForm(BEARER_AUTH_TOKEN) + ": " + e.getMessage());
                }
            }
        },
        /** The OAuth client credentials grant. */
        OAUTHBEARER {
            @Override
            RegistryCredentials read(RegistryAuthConfig config) {
                Optional<String> endpoint = Optional.ofNullable(text(config.getString(BEARER_AUTH_ISSUER_ENDPOINT_URL)));
                Optional<String> clientId = Optional.ofNullable(text(config.getString(BEARER_AUTH_CLIENT_ID)));
                Optional<String> clientSecret = config.secret(BEARER_AUTH_CLIENT_SECRET);
                List<String> missing = new ArrayList<>();
                endpoint.ifPresentOrElse(value -> { }, () -> missing.add(BEARER_AUTH_ISSUER_ENDPOINT_URL));
                clientId.ifPresentOrElse(value -> { }, () -> missing.add(BEARER_AUTH_CLIENT_ID));
                clientSecret.ifPresentOrElse(value -> { }, () -> missing.add(BEARER_AUTH_CLIENT_SECRET));
                if (!missing.isEmpty()) {
                    throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE + "=" + name() + " needs "
                            + missing.stream().map(RegistryAuthConfig::eitherForm).collect(Collectors.joining(", ")));
                }
                URI tokenEndpoint = tokenEndpoint(endpoint.orElseThrow());
                Duration buffer = Duration.ofSeconds(config.getInt(BEARER_AUTH_CACHE_EXPIRY_BUFFER_SECONDS));
                try {
                    return RegistryCredentials.oauthClientCredentials(tokenEndpoint, clientId.orElseThrow(),
                                    clientSecret.orElseThrow(), Optional.ofNullable(text(config.getString(BEARER_AUTH_SCOPE))))
                            .withExpiryBuffer(buffer);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("Invalid OAuth client credentials for the schema registry: " + e.getMessage());
                }
            }

            private URI tokenEndpoint(String text) {
                try {
                    return new URI(text);
                } catch (URISyntaxException e) {
                    throw new ConfigException("Invalid value for configuration " + eitherForm(BEARER_AUTH_ISSUER_ENDPOINT_URL)
                            + ": " + Secrets.configuredUrl(text) + " is not a URL (" + e.getReason() + ")");
                }
            }
        };

        abstract RegistryCredentials read(RegistryAuthConfig config);

        static BearerSource named(String value) {
            return Arrays.stream(values()).filter(source -> source.name().equals(value)).findFirst()
                    .orElseThrow(() -> unknownSource(BEARER_AUTH_CREDENTIALS_SOURCE, value, Arrays.toString(values())
                            + "; Confluent's other sources (SASL_OAUTHBEARER_INHERIT, CUSTOM, ...) are not supported by this client"));
        }
    }

    /**
     * Confluent's SASL_INHERIT: the {@code username} and {@code password} options of the one login module
     * in {@code sasl.jaas.config} (or of the JVM's {@code KafkaClient} JAAS entry when it is unset), so a
     * client that reaches Kafka with PLAIN or SCRAM reaches the registry as the same principal.
     */
    private RegistryCredentials inheritedSaslCredentials() {
        Map<String, Object> jaas = new HashMap<>();
        if (saslJaasConfig != null) {
            jaas.put(SaslConfigs.SASL_JAAS_CONFIG, saslJaasConfig);
        }
        List<AppConfigurationEntry> entries;
        try {
            entries = JaasContext.loadClientContext(jaas).configurationEntries();
        } catch (IllegalArgumentException | SecurityException e) {
            // Kafka's parse errors may quote the configuration, password included: only the kind is told.
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=SASL_INHERIT needs a JAAS login module with "
                    + "username and password options in " + SaslConfigs.SASL_JAAS_CONFIG + " (or a KafkaClient entry in "
                    + "the JVM's JAAS file); it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, ?> options = entries.isEmpty() ? Map.of() : entries.get(0).getOptions();
        Object username = options.get("username");
        Object password = options.get("password");
        if (username == null || password == null || String.valueOf(username).isEmpty()) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=SASL_INHERIT needs a login module with username "
                    + "and password options (PLAIN or SCRAM) in " + SaslConfigs.SASL_JAAS_CONFIG + "; the configured one has "
                    + "none to inherit");
        }
        try {
            return RegistryCredentials.basic(String.valueOf(username), String.valueOf(password));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=SASL_INHERIT cannot use the SASL username: "
                    + e.getMessage());
        }
    }

    private Optional<String> secret(String key) {
        Password value = getPassword(key);
        return value == null || value.value().isBlank() ? Optional.empty() : Optional.of(value.value());
    }

    private ConfigException missing(String sourceKey, String source, String key, String what) {
        return new ConfigException(sourceKey + "=" + source + " needs " + eitherForm(key) + " (" + what + "), which is "
                + "not set");
    }

    private static ConfigException unknownSource(String key, String value, String supported) {
        return new ConfigException(key, value, "supported values are " + supported + ", spelled as Confluent's client "
                + "spells them");
    }

    /** A key as the user may have spelled it. */
    private static String eitherForm(String key) {
        return "'" + key + "' (or '" + CLIENT_NAMESPACE + key + "')";
    }

    /**
     * Each declared key's value, taken from the prefixed form when it is set and the bare form otherwise;
     * secrets as Passwords, so that even {@link #originals()} never prints one.
     */
    private static Map<String, Object> resolved(Map<String, ?> configs) {
        Map<String, Object> resolved = new HashMap<>();
        DEFINITION.configKeys().forEach((key, definition) -> {
            Object value = preferPrefixed(configs, key);
            if (value instanceof String text && definition.type == Type.PASSWORD) {
                value = new Password(text);
            }
            if (value != null) {
                resolved.put(key, value);
            }
        });
        return resolved;
    }

    private static Object preferPrefixed(Map<String, ?> configs, String key) {
        Object prefixed = configs.get(CLIENT_NAMESPACE + key);
        return isSet(prefixed) ? prefixed : configs.get(key);
    }

    private static boolean isSet(Object value) {
        return value != null && text(value instanceof Password password ? password.value() : String.valueOf(value)) != null;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
