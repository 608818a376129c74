package org.pfptracker.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceparentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void shouldPassAWellFormedTraceparentOn() {
        assertThat(Traceparent.valid(VALID)).contains(VALID);
        assertThat(Traceparent.valid(" " + VALID + " ")).contains(VALID);
        // A future version may carry more fields after the four of version 00.
        assertThat(Traceparent.valid("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isPresent();
    }

    @Test
    void shouldIgnoreAMalformedTraceparentAsTheSpecificationAsks() {
        assertThat(Traceparent.valid(null)).isEmpty();
        assertThat(Traceparent.valid("not-a-trace")).isEmpty();
        assertThat(Traceparent.valid(VALID.toUpperCase())).isEmpty();
        assertThat(Traceparent.valid("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.valid("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.valid("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(Traceparent.valid(VALID + "-extra")).isEmpty();
    }
}
