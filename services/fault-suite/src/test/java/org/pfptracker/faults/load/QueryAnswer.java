package org.pfptracker.faults.load;

import java.time.Instant;

/**
 * One query a reader made.
 *
 * @param status the HTTP status; {@link #NO_ANSWER} when the connection failed or timed out
 * @param retryAfter whether a 503 came with Retry-After (the tracker saying "views are moving")
 */
public record QueryAnswer(Instant at, String tracker, int status, long latencyMillis, boolean retryAfter) {

    public static final int NO_ANSWER = -1;

    public boolean served() {
        return status >= 200 && status < 500;
    }
}
