package org.pfptracker.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/partners/georgia/activities";

    @Test
    void shouldIgnoreKeyOrderAndWhitespaceAtEveryLevel() throws Exception {
        JsonNode compact = JSON.readTree("{\"title\":\"T\",\"area\":\"EXERCISES\",\"x\":{\"b\":1,\"a\":[{\"d\":2,\"c\":3}]}}");
        JsonNode reordered = JSON.readTree("{ \"x\": {\"a\": [ {\"c\": 3, \"d\": 2} ], \"b\": 1},\n \"area\": \"EXERCISES\", \"title\": \"T\" }");

        assertThat(RequestFingerprint.of("POST", PATH, compact)).isEqualTo(RequestFingerprint.of("POST", PATH, reordered));
    }

    @Test
    void shouldDifferForAnotherValueMethodOrPath() throws Exception {
        JsonNode body = JSON.readTree("{\"title\":\"T\"}");
        RequestFingerprint fingerprint = RequestFingerprint.of("POST", PATH, body);

        assertThat(fingerprint)
                .isNotEqualTo(RequestFingerprint.of("POST", PATH, JSON.readTree("{\"title\":\"U\"}")))
                .isNotEqualTo(RequestFingerprint.of("PUT", PATH, body))
                .isNotEqualTo(RequestFingerprint.of("POST", PATH + "/x", body));
    }

    @Test
    void shouldFingerprintABodyNestedAsDeeplyAsTheParserAllows() throws Exception {
        // Given: as deep as the parser's default limit lets a body be (1000 levels)
        int depth = 1000;
        JsonNode deep = JSON.readTree("{\"x\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}");

        // When
        RequestFingerprint fingerprint = RequestFingerprint.of("POST", PATH, deep);

        // Then: a fingerprint, not a failure (which the gateway would answer with 500)
        assertThat(fingerprint.sha256()).hasSize(64);
    }
}
