package org.pfptracker.gateway.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What makes two requests "the same" for an Idempotency-Key: method, path and body. The body is compared
 * as JSON, not as bytes (keys sorted, whitespace dropped), so a client that re-serialises its retry in a
 * different key order is still recognised.
 *
 * <p>It is also what an idempotent request's event id is derived from, beside the key
 * ({@link IdempotencyKey#eventIdFor}): a retry of the same request gets the same event id on any gateway,
 * while the same key on a different request gets another.
 *
 * @param sha256 SHA-256, in hex, of the method, the path and the canonical form of the body
 */
public record RequestFingerprint(String sha256) {

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    public RequestFingerprint {
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The fingerprint of a request. */
    public static RequestFingerprint of(String method, String path, JsonNode body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(CANONICAL.writeValueAsBytes(sorted(body)));
            return new RequestFingerprint(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint a request", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new TreeMap<>();
            object.properties().forEach(entry -> fields.put(entry.getKey(), sorted(entry.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
