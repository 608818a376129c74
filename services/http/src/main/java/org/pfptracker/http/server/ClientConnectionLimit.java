package org.pfptracker.http.server;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code max} open connections per remote address: one more is closed as soon as it opens. Jetty's
 * own limits ({@code ConnectionLimit}, {@code NetworkConnectionLimit}) count every client together, so one
 * client could take them all; its {@code DoSHandler} limits request rates, not connections held open.
 */
final class ClientConnectionLimit implements Connection.Listener {

    private static final Logger log = LoggerFactory.getLogger(ClientConnectionLimit.class);
    /** A client refused in a loop would otherwise write a line per connection. */
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int max;
    private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    // A closed end point no longer knows its remote address: remember whom each connection was counted for.
    private final ConcurrentMap<Connection, InetAddress> countedFor = new ConcurrentHashMap<>();
    private final AtomicLong refusedSinceWarning = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    ClientConnectionLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("At least one connection per client, was " + max);
        }
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = NetworkEndPoints.readsTheNetwork(connection) ? NetworkEndPoints.remoteAddress(connection) : null;
        if (client == null) {
            return;
        }
        // Counted even when refused: its onClosed comes like any other's and takes it off again.
        countedFor.put(connection, client);
        int count = open.merge(client, 1, Integer::sum);
        if (count > max) {
            warn(client);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = countedFor.remove(connection);
        if (client != null) {
            open.computeIfPresent(client, (address, count) -> count > 1 ? count - 1 : null);
        }
    }

    private void warn(InetAddress client) {
        long refused = refusedSinceWarning.incrementAndGet();
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            refusedSinceWarning.addAndGet(-refused);
            log.warn("Closed {} connection(s) as they opened since the last such warning: their clients already had {}"
                    + " open (the latest from {})", refused, max, client.getHostAddress());
        }
    }
}
