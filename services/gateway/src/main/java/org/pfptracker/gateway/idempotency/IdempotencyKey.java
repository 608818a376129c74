package org.pfptracker.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The client's {@code Idempotency-Key}: the same key on a retried request yields the same event.
 *
 * @param value the key, e.g. a UUID the client generated for this command
 */
public record IdempotencyKey(String value) {

    /** The request header carrying the key. */
    public static final String HEADER = "Idempotency-Key";
    /** Visible ASCII without spaces, as the header draft's examples and every major API use; at most 255. */
    private static final Pattern FORM = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /**
     * Keeps the derived ids of the gateway apart from any other name-based UUIDs. Version 2 binds the id to
     * the request's fingerprint; version 1 (key, method and path only) gave a reused key the old id.
     */
    private static final String NAMESPACE = "pfp-gateway/idempotency-key/v2";

    public IdempotencyKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(HEADER + " must be 1-255 visible ASCII characters without spaces, "
                    + "e.g. a UUID");
        }
    }

    /**
     * The key in a request's headers, if any: every value the request carries under {@link #HEADER}.
     *
     * @throws IllegalArgumentException when the header is sent more than once (which key would the client
     *     mean? taking the first would silently tie the request to a key it may not be retried with), or
     *     once but not as a valid key
     */
    public static Optional<IdempotencyKey> fromHeaders(List<String> values) {
        if (values.size() > 1) {
            throw new IllegalArgumentException(HEADER + " was sent " + values.size() + " times; send it once, "
                    + "with the one key that names this request");
        }
        return values.isEmpty() ? Optional.empty() : fromHeader(values.get(0));
    }

    /**
     * The key in a request header, if any. The header draft defines the value as a quoted structured-field
     * string; the bare form that most clients send is accepted too.
     *
     * @throws IllegalArgumentException when the header is present but not a valid key
     */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return Optional.of(new IdempotencyKey(value));
    }

    /**
     * The id of the event the request with this key and fingerprint (method, path and body) produces: a
     * name-based UUID of both. Nothing random and nothing stored goes in, so a retry of the same request
     * gets the same id even after the gateway restarts or has forgotten the key, and consumers that
     * de-duplicate by event id (the tracker) count the event once.
     *
     * <p>The body is in it on purpose. Were the id derived from the key alone, the same key sent with a
     * different body to a gateway that has forgotten the key (a restart, another instance) would be accepted
     * under the first request's id, and the tracker would drop it as a duplicate: a 202 for a command that
     * never takes effect. With the fingerprint in, that request is a new event, and takes effect.
     */
    public UUID eventIdFor(RequestFingerprint fingerprint) {
        String name = NAMESPACE + "\n" + fingerprint.sha256() + "\n" + value;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
