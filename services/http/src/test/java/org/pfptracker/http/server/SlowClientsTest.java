package org.pfptracker.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that hold a server by sending slowly, or by opening many connections, against a real server and
 * real sockets. 127.0.0.2 stands for a second client: on Linux the whole of 127.0.0.0/8 is this machine.
 */
@Timeout(60)
class SlowClientsTest {

    private static final String TRICKLED_COMMAND = "POST /commands HTTP/1.1\r\nHost: pfp\r\n"
            + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{";
    private static final String HEALTH = "GET /health/live HTTP/1.1\r\nHost: pfp\r\n\r\n";

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<RawClient> clients = new CopyOnWriteArrayList<>();
    private TestServer server;

    @AfterEach
    void stop() {
        clock.shutdownNow();
        clients.forEach(RawClient::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAnswerAnotherClientQuicklyWhileOneTricklesBodiesOnThreeHundredConnections() {
        // Given a server with the default limits
        server = TestServer.start(ServerLimits.DEFAULTS);

        // When one client opens 300 connections, each declaring a 60,000-byte body and sending a byte a second
        List<RawClient> trickling = open(300, "127.0.0.1", TRICKLED_COMMAND);
        clock.scheduleAtFixedRate(() -> trickling.forEach(client -> client.send("1")), 1, 1, TimeUnit.SECONDS);

        // Then another client's probes are answered within a second, all along
        List<Long> probes = new ArrayList<>();
        await().pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(20)).until(() -> {
            probes.add(millisToAnswer("127.0.0.2", HEALTH));
            return probes.size() >= 16;
        });
        assertThat(probes).allSatisfy(millis -> assertThat(millis).isLessThan(1_000));
        // And every trickling connection is closed: past 64, as it opened; the others when their body fell behind
        await().atMost(Duration.ofSeconds(10)).until(() -> trickling.stream().allMatch(client -> client.closedByServer(1)));
    }

    @Test
    void shouldRefuseABodyThatArrivesSlowerThanTheMinimumRate() {
        // Given a server that wants bodies at 1024 bytes a second or faster, and no limit per client
        server = TestServer.start(ServerLimits.DEFAULTS.withMaxConnectionsPerClient(0));

        // When ten clients send a body a byte every half second
        List<RawClient> trickling = open(10, "127.0.0.1", TRICKLED_COMMAND);
        clock.scheduleAtFixedRate(() -> trickling.forEach(client -> client.send("1")), 500, 500, TimeUnit.MILLISECONDS);

        // Then each is answered 408 and closed within a few seconds, not when the body would have ended (8 hours)
        await().atMost(Duration.ofSeconds(5)).until(() -> trickling.stream().allMatch(client -> client.closedByServer(1)));
        assertThat(trickling).allSatisfy(client -> assertThat(client.received()).startsWith("HTTP/1.1 408"));
    }

    @Test
    void shouldAcceptABodyThatArrivesInOneGo() {
        // Given a server with the default limits
        server = TestServer.start(ServerLimits.DEFAULTS);

        // When a client sends a whole 60,000-byte body at once
        String answer = answer("127.0.0.1", "POST /commands HTTP/1.1\r\nHost: pfp\r\nContent-Length: 60000\r\n\r\n"
                + "x".repeat(60_000));

        // Then it is read to its end
        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("read 60000");
    }

    @Test
    void shouldCloseAConnectionWhoseHeadersTrickle() {
        // Given a server that gives headers 500 ms from their first byte (and an idle timeout of 30 s)
        server = TestServer.start(new ServerLimits(Duration.ofSeconds(30), Duration.ofMillis(500), 1024, 8192, 16, 0));

        // When a client sends a request line and then a header byte every 100 ms
        RawClient slow = open(1, "127.0.0.1", "GET /health/live HTTP/1.1\r\nHost: pfp\r\nX-Slow: ").get(0);
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> slow.send("a"), 100, 100, TimeUnit.MILLISECONDS);

        // Then the connection is closed within one to two header timeouts, long before the idle timeout
        await().atMost(Duration.ofSeconds(3)).until(() -> slow.closedByServer(1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400), Duration.ofMillis(2_000));
    }

    @Test
    void shouldLeaveAnIdleKeptAliveConnectionToTheIdleTimeout() {
        // Given a server with a header timeout of 200 ms and an idle timeout of 2 s, and a client that was answered
        server = TestServer.start(new ServerLimits(Duration.ofSeconds(2), Duration.ofMillis(200), 1024, 8192, 16, 0));
        RawClient client = open(1, "127.0.0.1", HEALTH).get(0);
        assertThat(client.answer(2_000)).startsWith("HTTP/1.1 200");

        // When it sends nothing for five header timeouts, then a second request
        boolean closedWhileIdle = client.closedByServer(1_000);
        client.send(HEALTH);

        // Then the connection was still open and answers; and it is closed once idle for the idle timeout
        assertThat(closedWhileIdle).isFalse();
        assertThat(client.answer(2_000)).startsWith("HTTP/1.1 200");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.closedByServer(100));
    }

    @Test
    void shouldCloseConnectionsBeyondTheLimitFromOneAddressButNotFromAnother() {
        // Given a server allowing 3 connections per client, and one client holding 3 connections it was answered on
        server = TestServer.start(ServerLimits.DEFAULTS.withMaxConnectionsPerClient(3));
        List<RawClient> held = open(3, "127.0.0.1", HEALTH);
        assertThat(held).allSatisfy(client -> assertThat(client.answer(2_000)).startsWith("HTTP/1.1 200"));

        // When the same client opens a fourth, and another client opens one
        RawClient fourth = open(1, "127.0.0.1", HEALTH).get(0);
        RawClient other = open(1, "127.0.0.2", HEALTH).get(0);

        // Then the fourth is closed unanswered, the other client is answered
        assertThat(fourth.closedByServer(2_000)).isTrue();
        assertThat(fourth.received()).isEmpty();
        assertThat(other.answer(2_000)).startsWith("HTTP/1.1 200");
        // And once the first client closes one, it may open another
        held.get(0).close();
        await().atMost(Duration.ofSeconds(5)).until(() -> answer("127.0.0.1", HEALTH).startsWith("HTTP/1.1 200"));
    }

    @Test
    void shouldRefuseHeadersLargerThanTheLimit() {
        // Given a server taking request lines and headers of 2048 bytes at most
        server = TestServer.start(new ServerLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), 1024, 2048, 16, 0));

        // When a request carries a 4000-byte header
        String answer = answer("127.0.0.1", "GET /health/live HTTP/1.1\r\nHost: pfp\r\nX-Big: " + "b".repeat(4_000)
                + "\r\n\r\n");

        // Then it is answered 431
        assertThat(answer).startsWith("HTTP/1.1 431");
    }

    private List<RawClient> open(int count, String sourceAddress, String firstBytes) {
        List<RawClient> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RawClient client = RawClient.connect(sourceAddress, server.port());
            clients.add(client);
            client.send(firstBytes);
            opened.add(client);
        }
        return opened;
    }

    private String answer(String sourceAddress, String request) {
        try (RawClient client = RawClient.connect(sourceAddress, server.port())) {
            client.send(request);
            return client.answer(2_000);
        }
    }

    /** How long a request took to be answered 200, or forever when it was not. */
    private long millisToAnswer(String sourceAddress, String request) {
        long start = System.nanoTime();
        boolean answered = answer(sourceAddress, request).startsWith("HTTP/1.1 200");
        return answered ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) : Long.MAX_VALUE;
    }
}
