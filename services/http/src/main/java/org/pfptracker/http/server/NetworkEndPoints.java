package org.pfptracker.http.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;

/**
 * Which of Jetty's connections is the TCP connection itself. With TLS, Jetty opens two per socket: one
 * reading the network (TLS records) and one reading what it decrypts (HTTP) through a wrapping end point;
 * a connection limit or deadline must count the first once, never both.
 */
final class NetworkEndPoints {

    private NetworkEndPoints() {
    }

    /** Whether the connection reads the socket, rather than another connection's decrypted bytes. */
    static boolean readsTheNetwork(Connection connection) {
        return !(connection.getEndPoint() instanceof EndPoint.Wrapper);
    }

    /** The end point that reads the socket under this one (itself when it does). */
    static EndPoint underneath(EndPoint endPoint) {
        EndPoint network = endPoint;
        while (network instanceof EndPoint.Wrapper wrapper) {
            network = wrapper.unwrap();
        }
        return network;
    }

    /** The client's address, or {@code null} when the connection has none (a Unix socket). */
    static InetAddress remoteAddress(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
