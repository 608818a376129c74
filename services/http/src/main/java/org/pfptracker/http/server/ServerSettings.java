package org.pfptracker.http.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pfptracker.core.config.ConfigurationException;
import org.pfptracker.core.config.Setting;
import org.pfptracker.core.config.Settings;
import org.pfptracker.core.config.Validator;

/**
 * How a pfp HTTP server listens: its {@link ServerLimits} and, when configured, {@link TlsSettings}. The
 * options are declared once, in {@link #OPTIONS}, for every server; each server reads them under its own
 * prefix ({@code tracker.http.}, {@code gateway.http.}, {@code registry.http.}), so that servers sharing one
 * configuration (as in {@code pfp local}) can differ, and so that each key sits beside the server's
 * {@code host} and {@code port}.
 *
 * @param limits timeouts and limits
 * @param tls HTTPS, or empty for plain HTTP
 * @param drain on a stop, how long the server goes on answering while its readiness says 503, before it closes
 */
public record ServerSettings(ServerLimits limits, Optional<TlsSettings> tls, Duration drain) {

    /** Plain HTTP with the default limits, closing at once on a stop. */
    public static final ServerSettings DEFAULTS = new ServerSettings(ServerLimits.DEFAULTS, Optional.empty());

    /** One year: what browsers' preload lists ask of HSTS. */
    static final Duration DEFAULT_HSTS_MAX_AGE = Duration.ofDays(365);

    private static final Validator<Duration> POSITIVE = Validator.of("more than 0s",
            duration -> !duration.isNegative() && !duration.isZero());

    public ServerSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(drain, "drain");
        if (drain.isNegative()) {
            throw new IllegalArgumentException("drain must not be negative, was " + drain);
        }
    }

    /** Closing at once on a stop. */
    public ServerSettings(ServerLimits limits, Optional<TlsSettings> tls) {
        this(limits, tls, Duration.ZERO);
    }

    public static final Setting<Duration> IDLE_TIMEOUT = Setting.duration("idle.timeout",
            "A connection with nothing read or written for this long is closed, and a request body that stops"
                    + " arriving fails. Keep it above tracker.live.heartbeat, or live pages reconnect.")
            .withDefault(ServerLimits.DEFAULTS.idleTimeout()).validatedBy(POSITIVE);
    public static final Setting<Duration> HEADER_TIMEOUT = Setting.duration("header.timeout",
            "Longest a request's line and headers may take to arrive once their first byte has (checked every"
                    + " timeout: a trickling request is cut after one to two); a connection's first request"
                    + " counts from its first byte, TLS handshake included.")
            .withDefault(ServerLimits.DEFAULTS.headerTimeout()).validatedBy(POSITIVE);
    public static final Setting<Long> MIN_BODY_RATE = Setting.longInteger("min.body.bytes.per.second",
            "Slowest average rate, in bytes per second from its first byte, at which a request body may arrive;"
                    + " a slower one is refused (408) and its connection closed. 0: no minimum.")
            .withDefault(ServerLimits.DEFAULTS.minBodyBytesPerSecond()).validatedBy(Validator.atLeast(0L));
    public static final Setting<Integer> MAX_HEADER_BYTES = Setting.integer("max.header.bytes",
            "Largest request line and headers together, in bytes; larger requests are answered 431.")
            .withDefault(ServerLimits.DEFAULTS.maxHeaderBytes()).validatedBy(Validator.atLeast(1024));
    public static final Setting<Integer> MAX_THREADS = Setting.integer("max.threads",
            "Threads of the server's pool, at most (at least 8). On the tracker keep it well above"
                    + " tracker.live.max.clients: each live page holds one.")
            .withDefault(ServerLimits.DEFAULTS.maxThreads()).validatedBy(Validator.atLeast(ServerLimits.MIN_THREADS));
    public static final Setting<Integer> MAX_CONNECTIONS_PER_CLIENT = Setting.integer("max.connections.per.client",
            "Connections one remote address may hold open at once; more are closed as soon as they open. 0: no"
                    + " limit, which is what a server behind a proxy or load balancer needs (every client has its"
                    + " address).")
            .withDefault(ServerLimits.DEFAULTS.maxConnectionsPerClient()).validatedBy(Validator.atLeast(0));
    public static final Setting<Duration> SHUTDOWN_DRAIN = Setting.duration("shutdown.drain",
            "On a stop (SIGTERM), how long the server goes on answering while /health/ready says 503, before it"
                    + " closes: the time a load balancer probing readiness needs to take it out of its rotation"
                    + " (probe interval times failure threshold), so that no request meets a closed port. 0s: close"
                    + " at once, as behind Kubernetes, whose preStop pause does the same.")
            .withDefault(Duration.ZERO).validatedBy(Validator.atLeast(Duration.ZERO));
    public static final Setting<Path> TLS_KEYSTORE = Setting.path("tls.keystore",
            "PKCS#12 file with the server's private key and certificate chain: HTTPS only on this port. Set"
                    + " either this or tls.cert and tls.key.").optional();
    public static final Setting<String> TLS_KEYSTORE_PASSWORD = Setting.password("tls.keystore.password",
            "Password of tls.keystore (it also opens the key).").optional();
    public static final Setting<Path> TLS_CERT = Setting.path("tls.cert",
            "PEM file with the server's certificate, then any intermediates: HTTPS only on this port, with"
                    + " tls.key.").optional();
    public static final Setting<Path> TLS_KEY = Setting.path("tls.key",
            "PEM file with the private key of tls.cert (PKCS#8, encrypted PKCS#8, PKCS#1 RSA or SEC1 EC).").optional();
    public static final Setting<String> TLS_KEY_PASSWORD = Setting.password("tls.key.password",
            "Password of tls.key, when it is encrypted.").optional();
    public static final Setting<Duration> HSTS_MAX_AGE = Setting.duration("tls.hsts.max.age",
            "With TLS on, every answer carries Strict-Transport-Security: max-age of this (browsers then use"
                    + " HTTPS only for the host).").withDefault(DEFAULT_HSTS_MAX_AGE).validatedBy(Validator.atLeast(Duration.ZERO));

    /**
     * Every option, keyed by its suffix: {@link Setting#under} a server's prefix gives the option of that
     * server, e.g. {@code IDLE_TIMEOUT.under("tracker.http.")} is {@code tracker.http.idle.timeout}.
     */
    public static final List<Setting<?>> OPTIONS = List.of(IDLE_TIMEOUT, HEADER_TIMEOUT, MIN_BODY_RATE,
            MAX_HEADER_BYTES, MAX_THREADS, MAX_CONNECTIONS_PER_CLIENT, SHUTDOWN_DRAIN, TLS_KEYSTORE,
            TLS_KEYSTORE_PASSWORD, TLS_CERT, TLS_KEY, TLS_KEY_PASSWORD, HSTS_MAX_AGE);

    /** Every option of the server reading them under this prefix, e.g. {@code tracker.http.}, as {@code pfp config} lists them. */
    public static List<Setting<?>> optionsUnder(String prefix) {
        return OPTIONS.stream().<Setting<?>>map(option -> option.under(prefix)).toList();
    }

    /** The same settings with TLS. */
    public ServerSettings withTls(TlsSettings settings) {
        return new ServerSettings(limits, Optional.of(settings), drain);
    }

    /** The same settings with other limits. */
    public ServerSettings withLimits(ServerLimits newLimits) {
        return new ServerSettings(newLimits, tls, drain);
    }

    /** {@code https} with TLS on, else {@code http}: how clients address the server. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /**
     * From a process's settings.
     *
     * @param prefix the server's prefix, e.g. {@code tracker.http.}
     * @throws ConfigurationException naming the setting when a value is malformed or TLS half configured
     */
    public static ServerSettings from(String prefix, Settings settings) {
        ServerLimits limits;
        try {
            limits = new ServerLimits(settings.get(IDLE_TIMEOUT.under(prefix)), settings.get(HEADER_TIMEOUT.under(prefix)),
                    settings.get(MIN_BODY_RATE.under(prefix)), settings.get(MAX_HEADER_BYTES.under(prefix)),
                    settings.get(MAX_THREADS.under(prefix)), settings.get(MAX_CONNECTIONS_PER_CLIENT.under(prefix)));
        } catch (ConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Settings " + prefix + "*: " + e.getMessage());
        }
        return new ServerSettings(limits, tls(prefix, settings), settings.get(SHUTDOWN_DRAIN.under(prefix)));
    }

    private static Optional<TlsSettings> tls(String prefix, Settings settings) {
        Setting<Path> keyStoreFile = TLS_KEYSTORE.under(prefix);
        Setting<Path> certFile = TLS_CERT.under(prefix);
        Setting<Path> keyFile = TLS_KEY.under(prefix);
        Optional<Path> keyStore = settings.find(keyStoreFile);
        Optional<Path> cert = settings.find(certFile);
        Optional<Path> key = settings.find(keyFile);
        if (keyStore.isPresent() && (cert.isPresent() || key.isPresent())) {
            throw new ConfigurationException("Set either " + keyStoreFile.key() + " or " + certFile.key() + " and "
                    + keyFile.key() + ", not both");
        }
        TlsSettings.KeySource keys;
        if (keyStore.isPresent()) {
            keys = new TlsSettings.KeyStoreFile(keyStore.get(), required(settings, TLS_KEYSTORE_PASSWORD.under(prefix),
                    "the password of " + keyStoreFile.key()));
        } else if (cert.isPresent() || key.isPresent()) {
            keys = new TlsSettings.PemFiles(required(settings, certFile, "the certificate of " + keyFile.key()),
                    required(settings, keyFile, "the private key of " + certFile.key()),
                    settings.find(TLS_KEY_PASSWORD.under(prefix)).orElse(null));
        } else {
            return Optional.empty();
        }
        return Optional.of(new TlsSettings(keys, settings.get(HSTS_MAX_AGE.under(prefix))));
    }

    /** An optional setting that another one makes necessary. */
    private static <T> T required(Settings settings, Setting<T> setting, String what) {
        return settings.find(setting).orElseThrow(() -> new ConfigurationException("Missing setting '" + setting.key()
                + "' (environment " + setting.environmentVariable() + "): " + what));
    }
}
