package org.pfptracker.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pfptracker.core.config.Settings;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.testsupport.process.FreePorts;

/**
 * The README's main command, minus the terminal: the local stack on a real single-node KRaft broker
 * run from Kafka's production classes, the registry, the topics and the tracker, seeded with the
 * reference partners and read over HTTP, then restarted on the same data.
 */
@Tag("integration")
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldServeTheReferencePartnersAndKeepThemAcrossARestartWithoutCountingTwice(@TempDir Path data)
            throws Exception {
        LocalStack.Layout layout = new LocalStack.Layout(data, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next());

        // Given: a fresh stack, seeded
        try (LocalStack stack = LocalStack.start(layout, Settings.of(Map.of()))) {
            seed(stack);

            // Then
            JsonNode ukraine = awaitView(stack, "ukraine");
            assertThat(ukraine.at("/profile/name").asText()).isEqualTo("Ukraine");
            assertThat(ukraine.at("/profile/joinedOn").asText()).isEqualTo("1994-02-08");
            assertThat(awaitView(stack, "bosnia-and-herzegovina").at("/profile/joinedOn").asText())
                    .isEqualTo("2006-12-14");
        }

        // When: the stack restarts on the same data directory and seeds again
        try (LocalStack stack = LocalStack.start(layout, Settings.of(Map.of()))) {
            seed(stack);

            // Then: the view survived, and the re-published reference events changed nothing
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode ukraine = view(stack, "ukraine");
                assertThat(ukraine.at("/profile/name").asText()).isEqualTo("Ukraine");
                assertThat(ukraine.at("/freshness/eventsApplied").asInt()).isEqualTo(1);
            });
        }
    }

    private static void seed(LocalStack stack) throws Exception {
        try (EventPublisher publisher = EventPublisher.create(stack.settings())) {
            assertThat(ReferenceDataSeeder.seed(publisher)).isEqualTo(22);
        }
    }

    private static JsonNode awaitView(LocalStack stack, String partnerId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            found[0] = view(stack, partnerId);
            assertThat(found[0].has("profile")).isTrue();
        });
        return found[0];
    }

    private static JsonNode view(LocalStack stack, String partnerId) throws Exception {
        HttpResponse<String> response = ApiClient.at(stack.trackerUrl())
                .withAuthorization("Bearer " + stack.tokens().orElseThrow().staff()).get("/api/v1/partners/" + partnerId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
