package org.pfptracker.gateway.idempotency;

import java.nio.charset.StandardCharsets;
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
    /** Keeps the derived ids of the gateway apart from any other name-based UUIDs. */
    private static final String NAMESPACE = "pfp-gateway/idempotency-key";

    public IdempotencyKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(HEADER + " must be 1-255 visible ASCII characters without spaces, "
                    + "e.g. a UUID");
        }
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
     * The id of the event a request with this key produces: a name-based UUID of the key, the method and
     * the resource path. Nothing random and nothing stored goes in, so a retry gets the same id even after
     * the gateway restarts or has forgotten the key, and consumers that de-duplicate by event id (the
     * tracker) count the event once.
     */
    public UUID eventIdFor(String method, String path) {
        String name = NAMESPACE + "\n" + method + "\n" + path + "\n" + value;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
