package org.pfptracker.faults.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pfptracker.testsupport.process.FreePorts;

/** The harness's proxy behaves as the network it stands for: it forwards, and a dead target fails at once. */
class TcpProxyTest {

    @Test
    void shouldForwardBothWays() throws Exception {
        try (ServerSocket echo = echoServer(); TcpProxy proxy = TcpProxy.start(0, echo.getLocalPort());
             Socket client = connect(proxy)) {
            client.getOutputStream().write("ping\n".getBytes(StandardCharsets.UTF_8));

            assertThat(new String(client.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("ping\n");
        }
    }

    @Test
    void shouldEndAConnectionAtOnceWhenItsTargetIsDown() throws Exception {
        // Given: nothing listens on the target port, as after a broker's kill -9
        try (TcpProxy proxy = TcpProxy.start(0, FreePorts.next()); Socket client = connect(proxy)) {
            client.setSoTimeout((int) Duration.ofSeconds(5).toMillis());

            // When
            int read = readOrFail(client.getInputStream());

            // Then: the client learns at once, as it would connecting to the port itself, instead of hanging
            // until its request timeout
            assertThat(read).isEqualTo(-1);
        }
    }

    @Test
    void shouldDropConnectionsWhileCutAndForwardAgainWhenHealed() throws Exception {
        try (ServerSocket echo = echoServer(); TcpProxy proxy = TcpProxy.start(0, echo.getLocalPort())) {
            proxy.cut();
            try (Socket refused = connect(proxy)) {
                refused.setSoTimeout(5_000);
                assertThat(readOrFail(refused.getInputStream())).isEqualTo(-1);
            }

            proxy.heal();
            try (Socket client = connect(proxy)) {
                client.getOutputStream().write("pong\n".getBytes(StandardCharsets.UTF_8));
                assertThat(new String(client.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("pong\n");
            }
        }
    }

    /** -1 for a connection that ended, whether by a close or a reset. */
    private static int readOrFail(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            throw e; // still open: the failure this test is about
        } catch (IOException reset) {
            return -1;
        }
    }

    private static Socket connect(TcpProxy proxy) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 5_000);
        return socket;
    }

    private static ServerSocket echoServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().transferTo(socket.getOutputStream());
                } catch (IOException e) {
                    // closed
                }
            }
        }, "echo");
        thread.setDaemon(true);
        thread.start();
        return server;
    }
}
