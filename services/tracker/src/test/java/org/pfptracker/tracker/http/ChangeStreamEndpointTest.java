package org.pfptracker.tracker.http;

import org.pfptracker.http.problem.Problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pfptracker.tracker.stream.StreamOptions;
import org.pfptracker.tracker.support.EventStreamReader;

/** {@code GET /api/v1/stream}: what a page connected to the change stream receives, and what it is refused. */
class ChangeStreamEndpointTest {

    private static final Duration HEARTBEAT = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String[] EVENT_STREAM = {"Accept", "text/event-stream"};

    private final OneInstance instance = new OneInstance(new StreamOptions(HEARTBEAT, 1, 16));

    @AfterEach
    void stop() {
        instance.close();
    }

    @Test
    void shouldGreetAClientThenAnnounceEachPartnerThatChanged() throws Exception {
        // Given
        HttpResponse<InputStream> response = instance.open("/api/v1/stream", EVENT_STREAM);
        try (EventStreamReader stream = new EventStreamReader(response.body())) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            EventStreamReader.Event hello = stream.next(PATIENCE);
            assertThat(hello.name()).isEqualTo("hello");
            assertThat(TwoInstances.JSON.readTree(hello.data()).path("instance").asText())
                    .isEqualTo("127.0.0.1:" + instance.host.port());

            // When
            instance.server.changes().partnersChanged(Set.of("georgia"));

            // Then
            EventStreamReader.Event changed = stream.next("partner-changed", PATIENCE);
            assertThat(changed).isNotNull();
            assertThat(TwoInstances.JSON.readTree(changed.data()).path("partnerId").asText()).isEqualTo("georgia");
        }
    }

    @Test
    void shouldSendHeartbeatsWhileNothingChanges() throws Exception {
        // When
        try (EventStreamReader stream = new EventStreamReader(instance.open("/api/v1/stream", EVENT_STREAM).body())) {

            // Then
            assertThat(stream.next("heartbeat", PATIENCE)).isNotNull();
        }
    }

    @Test
    void shouldRefuseAClientBeyondTheLimitWith503AndRetryAfter() throws Exception {
        // Given: the one client this instance takes
        try (EventStreamReader first = new EventStreamReader(instance.open("/api/v1/stream", EVENT_STREAM).body())) {
            assertThat(first.next("hello", PATIENCE)).isNotNull();

            // When
            HttpResponse<String> second = instance.get("/api/v1/stream", EVENT_STREAM);

            // Then
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(TwoInstances.json(second).path("title").asText()).isEqualTo("Too many stream clients");
        }
    }

    @Test
    void shouldForgetAClientThatWentAwayAndTakeANewOne() throws Exception {
        // Given
        EventStreamReader gone = new EventStreamReader(instance.open("/api/v1/stream", EVENT_STREAM).body());
        assertThat(gone.next("hello", PATIENCE)).isNotNull();
        assertThat(instance.server.changes().clients()).isEqualTo(1);

        // When
        gone.close();

        // Then: the next heartbeat's write fails, and the place is free again
        await().atMost(PATIENCE).until(() -> instance.server.changes().clients() == 0);
        try (EventStreamReader next = new EventStreamReader(instance.open("/api/v1/stream", EVENT_STREAM).body())) {
            assertThat(next.next("hello", PATIENCE)).isNotNull();
        }
    }

    @Test
    void shouldRefuseARequestThatDoesNotAskForAnEventStream() {
        // When
        HttpResponse<String> response = instance.get("/api/v1/stream", "Accept", "application/json");

        // Then
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
    }

    @Test
    void shouldRefuseUnknownParameters() {
        // When
        HttpResponse<String> response = instance.get("/api/v1/stream?partner=georgia", EVENT_STREAM);

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TwoInstances.json(response).path("parameter").asText()).isEqualTo("partner");
    }

    @Test
    void shouldEndOpenStreamsWhenTheServerStops() throws Exception {
        // Given
        EventStreamReader stream = new EventStreamReader(instance.open("/api/v1/stream", EVENT_STREAM).body());
        assertThat(stream.next("hello", PATIENCE)).isNotNull();

        // When
        instance.server.changes().close();

        // Then
        await().atMost(PATIENCE).until(() -> instance.server.changes().clients() == 0);
        stream.close();
    }
}
