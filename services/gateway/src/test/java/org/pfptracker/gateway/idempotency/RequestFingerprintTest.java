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
        String fingerprint = RequestFingerprint.of("POST", PATH, body);

        assertThat(fingerprint)
                .isNotEqualTo(RequestFingerprint.of("POST", PATH, JSON.readTree("{\"title\":\"U\"}")))
                .isNotEqualTo(RequestFingerprint.of("PUT", PATH, body))
                .isNotEqualTo(RequestFingerprint.of("POST", PATH + "/x", body));
    }
}
