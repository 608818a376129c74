package org.pfptracker.http.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client on a plain socket, from a chosen source address, that sends exactly the bytes a test says when it
 * says: what slow and greedy clients do, which no HTTP client library lets one do.
 */
final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final StringBuilder received = new StringBuilder();

    private RawClient(Socket socket) {
        this.socket = socket;
    }

    /** Connected to the port on 127.0.0.1 from the given source address (127.0.0.2 is a second client). */
    static RawClient connect(String sourceAddress, int port) {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            return new RawClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the text; false when the server has closed the connection. */
    boolean send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the server has closed the connection: reads what has arrived, waiting at most {@code millis} for
     * more, and answers true on end of stream or a reset.
     */
    boolean closedByServer(int millis) {
        try {
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                int read = in.read(buffer);
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

    /** Reads until a whole answer to a request without a body has come (its headers and a short body). */
    String answer(int millis) {
        long deadline = System.currentTimeMillis() + millis;
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (System.currentTimeMillis() < deadline && !complete()) {
                socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                received.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            // What came before the failure is the answer.
        }
        String answer = received.toString();
        received.setLength(0);
        return answer;
    }

    /** Everything received so far. */
    String received() {
        return received.toString();
    }

    private boolean complete() {
        int end = received.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String headers = received.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            return true;
        }
        int lineEnd = headers.indexOf("\r\n", at);
        int length = Integer.parseInt(headers.substring(at + 15, lineEnd < 0 ? headers.length() : lineEnd).trim());
        return received.length() >= end + 4 + length;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket the server closed: nothing to do.
        }
    }
}
