package org.pfptracker.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pfptracker.gateway.idempotency.IdempotencyStore;
import org.pfptracker.gateway.partner.Directories;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.publisher.PublishReceipt;

/**
 * Issue 9's finding, replayed on real sockets: 300 connections that declare a 60,000-byte command and send one
 * byte a second made the gateway unresponsive, {@code /health/live} included. 127.0.0.2 is a second client (on
 * Linux the whole of 127.0.0.0/8 is this machine).
 */
@Timeout(60)
class SlowClientsTest {

    private static final String TRICKLED_COMMAND = "POST /api/v1/partners/georgia/activities HTTP/1.1\r\nHost: pfp\r\n"
            + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{";

    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    private final List<Socket> sockets = new ArrayList<>();
    private GatewayHttpServer server;

    @BeforeEach
    void start() {
        // The gateway as GatewayService starts it: default limits (no gateway.http.* set), access control off.
        server = GatewayHttpServer.start(new HttpOptions("127.0.0.1", 0, 65536, Duration.ofSeconds(1), "test"),
                Directories.complete("georgia"), (event, traceparent) -> CompletableFuture.completedFuture(
                        new PublishReceipt(Events.metadataOf(event).getEventId().toString(),
                                EventCatalogue.typeOf(event).topic(), 0, 1)),
                new IdempotencyStore<>(Duration.ofMinutes(1), 10, Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws IOException {
        trickle.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
        server.close();
    }

    @Test
    void shouldAnswerHealthProbesWhileOneClientTricklesCommandsOnThreeHundredConnections() throws IOException {
        // Given 300 connections from one client, each sending a command's first byte and then one byte a second
        List<Socket> trickling = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Socket socket = connect("127.0.0.1");
            send(socket, TRICKLED_COMMAND);
            trickling.add(socket);
        }
        trickle.scheduleAtFixedRate(() -> trickling.forEach(socket -> send(socket, "1")), 1, 1, TimeUnit.SECONDS);

        // When another client probes /health/live every quarter of a second
        List<Long> probes = new ArrayList<>();
        await().pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(20)).until(() -> {
            probes.add(millisToAnswer200("127.0.0.2", "GET /health/live HTTP/1.1\r\nHost: pfp\r\n\r\n"));
            return probes.size() >= 16;
        });

        // Then every probe is answered within a second, and every trickling connection is closed
        assertThat(probes).allSatisfy(millis -> assertThat(millis).isLessThan(1_000));
        await().atMost(Duration.ofSeconds(10)).until(() -> trickling.stream().allMatch(socket -> closedByServer(socket, 1)));
    }

    @Test
    void shouldAnswerATrickledCommand408AsAProblem() throws IOException {
        // Given one connection sending a command a byte every half second
        Socket socket = connect("127.0.0.1");
        send(socket, TRICKLED_COMMAND);
        trickle.scheduleAtFixedRate(() -> send(socket, "1"), 500, 500, TimeUnit.MILLISECONDS);

        // When the gateway gives up on it
        StringBuilder answer = new StringBuilder();
        await().atMost(Duration.ofSeconds(5)).until(() -> readUntilClosed(socket, answer));

        // Then it said why, in the gateway's error shape, and not with a 500
        assertThat(answer.toString()).startsWith("HTTP/1.1 408").contains("application/problem+json")
                .contains("data rate");
    }

    private Socket connect(String sourceAddress) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2_000);
        return socket;
    }

    private static void send(Socket socket, String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // Closed by the server: what the test waits for.
        }
    }

    private long millisToAnswer200(String sourceAddress, String request) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = connect(sourceAddress)) {
            send(socket, request);
            socket.setSoTimeout(2_000);
            byte[] status = socket.getInputStream().readNBytes(12);
            boolean ok = new String(status, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
            return ok ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) : Long.MAX_VALUE;
        } catch (SocketTimeoutException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean closedByServer(Socket socket, int millis) {
        return readUntilClosed(socket, new StringBuilder(), millis);
    }

    private static boolean readUntilClosed(Socket socket, StringBuilder received) {
        return readUntilClosed(socket, received, 100);
    }

    /** Reads what has come, waiting up to {@code millis} for more; true once the server has closed. */
    private static boolean readUntilClosed(Socket socket, StringBuilder received, int millis) {
        try {
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int read = in.read(buffer); ; read = in.read(buffer)) {
                if (read < 0) {
                    return true;
                }
                received.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
