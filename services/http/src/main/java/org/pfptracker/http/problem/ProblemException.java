package org.pfptracker.http.problem;

import java.time.Duration;
import java.util.Optional;

/**
 * Ends a request with a problem: the request was refused for a reason the client can act on (a bad parameter,
 * an unknown partner, a server that is not ready), so there is no stack trace to keep.
 */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    /** @param retryAfter when the client should try again, for a 503; {@code null} for none */
    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    /** When the client should try again, for a 503. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
