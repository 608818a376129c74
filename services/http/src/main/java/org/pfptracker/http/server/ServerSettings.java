package org.pfptracker.http.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.pfptracker.http.DurationText;

/**
 * How a pfp HTTP server listens: its {@link ServerLimits} and, when configured, {@link TlsSettings}. The
 * options are declared once, in {@link Option}, for every server; each server reads them under its own
 * prefix ({@code tracker.http.}, {@code gateway.http.}, {@code registry.http.}), so that servers sharing one
 * configuration (as in {@code pfp local}) can differ, and so that each key sits beside the server's
 * {@code host} and {@code port}.
 *
 * @param limits timeouts and limits
 * @param tls HTTPS, or empty for plain HTTP
 */
public record ServerSettings(ServerLimits limits, Optional<TlsSettings> tls) {

    /** Plain HTTP with the default limits. */
    public static final ServerSettings DEFAULTS = new ServerSettings(ServerLimits.DEFAULTS, Optional.empty());

    /** One year: what browsers' preload lists ask of HSTS. */
    static final Duration DEFAULT_HSTS_MAX_AGE = Duration.ofDays(365);

    public ServerSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * Every option, as a suffix of the server's prefix, with its default ({@code null}: none) and one line of
     * documentation.
     */
    public enum Option {
        IDLE_TIMEOUT("idle.timeout", seconds(ServerLimits.DEFAULTS.idleTimeout()),
                "A connection with nothing read or written for this long is closed, and a request body that stops"
                        + " arriving fails. Keep it above tracker.live.heartbeat, or live pages reconnect."),
        HEADER_TIMEOUT("header.timeout", seconds(ServerLimits.DEFAULTS.headerTimeout()),
                "Longest a request's line and headers may take to arrive once their first byte has (checked every"
                        + " timeout: a trickling request is cut after one to two); a connection's first request"
                        + " counts from its first byte, TLS handshake included."),
        MIN_BODY_RATE("min.body.bytes.per.second", Long.toString(ServerLimits.DEFAULTS.minBodyBytesPerSecond()),
                "Slowest average rate, in bytes per second from its first byte, at which a request body may arrive;"
                        + " a slower one is refused (408) and its connection closed. 0: no minimum."),
        MAX_HEADER_BYTES("max.header.bytes", Integer.toString(ServerLimits.DEFAULTS.maxHeaderBytes()),
                "Largest request line and headers together, in bytes; larger requests are answered 431."),
        MAX_THREADS("max.threads", Integer.toString(ServerLimits.DEFAULTS.maxThreads()),
                "Threads of the server's pool, at most (at least 8). On the tracker keep it well above"
                        + " tracker.live.max.clients: each live page holds one."),
        MAX_CONNECTIONS_PER_CLIENT("max.connections.per.client",
                Integer.toString(ServerLimits.DEFAULTS.maxConnectionsPerClient()),
                "Connections one remote address may hold open at once; more are closed as soon as they open. 0: no"
                        + " limit, which is what a server behind a proxy or load balancer needs (every client has its"
                        + " address)."),
        TLS_KEYSTORE("tls.keystore", null,
                "PKCS#12 file with the server's private key and certificate chain: HTTPS only on this port. Set"
                        + " either this or tls.cert and tls.key."),
        TLS_KEYSTORE_PASSWORD("tls.keystore.password", null,
                "Password of tls.keystore (it also opens the key)."),
        TLS_CERT("tls.cert", null,
                "PEM file with the server's certificate, then any intermediates: HTTPS only on this port, with"
                        + " tls.key."),
        TLS_KEY("tls.key", null,
                "PEM file with the private key of tls.cert (PKCS#8, encrypted PKCS#8, PKCS#1 RSA or SEC1 EC)."),
        TLS_KEY_PASSWORD("tls.key.password", null,
                "Password of tls.key, when it is encrypted."),
        HSTS_MAX_AGE("tls.hsts.max.age", DEFAULT_HSTS_MAX_AGE.toDays() + "d",
                "With TLS on, every answer carries Strict-Transport-Security: max-age of this (browsers then use"
                        + " HTTPS only for the host).");

        private final String suffix;
        private final String defaultValue;
        private final String doc;

        Option(String suffix, String defaultValue, String doc) {
            this.suffix = suffix;
            this.defaultValue = defaultValue;
            this.doc = doc;
        }

        /** The key under a server's prefix, e.g. {@code tracker.http.idle.timeout}. */
        public String key(String prefix) {
            return prefix + suffix;
        }

        /** The value when none is given, or {@code null} when the option is off unless given. */
        public String defaultValue() {
            return defaultValue;
        }

        /** One line of documentation, as {@code pfp config} lists it. */
        public String doc() {
            return doc;
        }

        private static String seconds(Duration duration) {
            return duration.toSeconds() + "s";
        }
    }

    /** The same settings with TLS. */
    public ServerSettings withTls(TlsSettings settings) {
        return new ServerSettings(limits, Optional.of(settings));
    }

    /** The same settings with other limits. */
    public ServerSettings withLimits(ServerLimits newLimits) {
        return new ServerSettings(newLimits, tls);
    }

    /** {@code https} with TLS on, else {@code http}: how clients address the server. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /**
     * From a configuration source.
     *
     * @param prefix the server's prefix, e.g. {@code tracker.http.}
     * @param explicit the value set for a key, if any; blank counts as not set
     * @throws IllegalArgumentException naming the setting when a value is malformed or TLS half configured
     */
    public static ServerSettings from(String prefix, Function<String, Optional<String>> explicit) {
        Map<Option, String> values = new EnumMap<>(Option.class);
        for (Option option : Option.values()) {
            String value = explicit.apply(option.key(prefix)).map(String::trim).filter(text -> !text.isEmpty())
                    .orElse(option.defaultValue());
            if (value != null) {
                values.put(option, value);
            }
        }
        Values read = new Values(prefix, values);
        Duration idleTimeout = read.duration(Option.IDLE_TIMEOUT);
        Duration headerTimeout = read.duration(Option.HEADER_TIMEOUT);
        long minBodyRate = read.number(Option.MIN_BODY_RATE);
        int maxHeaderBytes = read.integer(Option.MAX_HEADER_BYTES);
        int maxThreads = read.integer(Option.MAX_THREADS);
        int maxConnectionsPerClient = read.integer(Option.MAX_CONNECTIONS_PER_CLIENT);
        ServerLimits limits;
        try {
            limits = new ServerLimits(idleTimeout, headerTimeout, minBodyRate, maxHeaderBytes, maxThreads,
                    maxConnectionsPerClient);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Settings " + prefix + "*: " + e.getMessage(), e);
        }
        return new ServerSettings(limits, tls(read));
    }

    private static Optional<TlsSettings> tls(Values read) {
        boolean keyStore = read.has(Option.TLS_KEYSTORE);
        boolean pem = read.has(Option.TLS_CERT) || read.has(Option.TLS_KEY);
        if (keyStore && pem) {
            throw new IllegalArgumentException("Set either " + read.key(Option.TLS_KEYSTORE) + " or "
                    + read.key(Option.TLS_CERT) + " and " + read.key(Option.TLS_KEY) + ", not both");
        }
        TlsSettings.KeySource keys;
        if (keyStore) {
            keys = new TlsSettings.KeyStoreFile(Path.of(read.text(Option.TLS_KEYSTORE)), read.required(Option.TLS_KEYSTORE_PASSWORD,
                    "the password of " + read.key(Option.TLS_KEYSTORE)));
        } else if (pem) {
            keys = new TlsSettings.PemFiles(Path.of(read.required(Option.TLS_CERT, "the certificate of " + read.key(Option.TLS_KEY))),
                    Path.of(read.required(Option.TLS_KEY, "the private key of " + read.key(Option.TLS_CERT))),
                    read.has(Option.TLS_KEY_PASSWORD) ? read.text(Option.TLS_KEY_PASSWORD) : null);
        } else {
            return Optional.empty();
        }
        return Optional.of(new TlsSettings(keys, read.duration(Option.HSTS_MAX_AGE)));
    }

    /** The values given or defaulted, read with errors that name the setting. */
    private record Values(String prefix, Map<Option, String> values) {

        String key(Option option) {
            return option.key(prefix);
        }

        boolean has(Option option) {
            return values.containsKey(option);
        }

        String text(Option option) {
            return values.get(option);
        }

        String required(Option option, String what) {
            if (!has(option)) {
                throw new IllegalArgumentException("Missing setting '" + key(option) + "': " + what);
            }
            return text(option);
        }

        long number(Option option) {
            try {
                return Long.parseLong(text(option));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Setting '" + key(option) + "' must be a whole number, was '"
                        + text(option) + "'");
            }
        }

        int integer(Option option) {
            long number = number(option);
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Setting '" + key(option) + "' is too large: " + number);
            }
            return (int) number;
        }

        /** 250ms, 30s, 5m, 2h, 365d, or ISO-8601 (PT30S), as every pfp setting. */
        Duration duration(Option option) {
            return DurationText.parse(key(option), text(option));
        }
    }
}
