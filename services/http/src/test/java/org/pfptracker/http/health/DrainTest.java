package org.pfptracker.http.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server being stopped with a drain period: its readiness turns 503 at once while it goes on answering
 * everything else, and it closes only when the period is over.
 */
class DrainTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HealthEndpoints health = new HealthEndpoints(() -> Health.up("all read", null), Duration.ofSeconds(3));
    private final Javalin server = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.routes.get(HealthEndpoints.READY, health::ready);
        config.routes.get("/work", ctx -> ctx.result("done"));
    }).start("127.0.0.1", 0);

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void shouldSayNotReadyWhileStillAnsweringUntilTheDrainIsOver() throws Exception {
        // Given
        assertThat(get(HealthEndpoints.READY).statusCode()).isEqualTo(200);

        // When
        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> health.drain(Duration.ofSeconds(2), "test"));

        // Then: out of rotation at once, and still serving
        await().atMost(Duration.ofSeconds(1)).until(() -> get(HealthEndpoints.READY).statusCode() == 503);
        HttpResponse<String> ready = get(HealthEndpoints.READY);
        assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("stopping");
        assertThat(ready.headers().firstValue("Retry-After")).contains("3");
        assertThat(get("/work").body()).isEqualTo("done");
        assertThat(drained).isNotDone();
        drained.get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldNotWaitWithoutADrainPeriod() throws Exception {
        long started = System.nanoTime();

        health.drain(Duration.ZERO, "test");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(get(HealthEndpoints.READY).statusCode()).isEqualTo(503);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
