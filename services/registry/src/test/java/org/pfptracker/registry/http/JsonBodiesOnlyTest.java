package org.pfptracker.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBodiesOnlyTest {

    @ParameterizedTest(name = "''{0}'' accepted: {1}")
    @CsvSource(delimiter = '|', value = {
            "application/vnd.schemaregistry.v1+json                 | true",
            "application/vnd.schemaregistry+json                    | true",
            "application/json                                       | true",
            "Application/JSON; Charset=UTF-8                        | true",
            "application/json;charset=utf-8                         | true",
            // What a browser sends cross-site without asking first
            "text/plain                                             | false",
            "text/plain; charset=utf-8                              | false",
            "application/x-www-form-urlencoded                      | false",
            "multipart/form-data; boundary=xyz                      | false",
            // Neither a JSON type nor a charset
            "application/octet-stream                               | false",
            "application/json-patch+json                            | false",
            "application/json; boundary=xyz                         | false",
            "application/json; charset=                             | false",
            "''                                                     | false"
    })
    void shouldAcceptOnlyTheRegistrysJsonTypesWithAtMostACharset(String contentType, boolean accepted) {
        assertThat(JsonBodiesOnly.accepted(contentType)).isEqualTo(accepted);
    }

    @Test
    void shouldRefuseARequestWithoutAContentType() {
        assertThat(JsonBodiesOnly.accepted(null)).isFalse();
    }
}
