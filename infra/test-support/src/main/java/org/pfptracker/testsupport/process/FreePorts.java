package org.pfptracker.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free loopback ports, asked of the OS, so that tests beside other builds and a developer's own stack never collide. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port free on 127.0.0.1 now; a child process binds it a moment later. */
    public static int next() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
