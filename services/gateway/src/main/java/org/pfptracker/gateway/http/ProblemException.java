package org.pfptracker.gateway.http;

import java.time.Duration;

/**
 * Ends a request with a problem response: the request was refused for a reason the client can act on, so
 * there is no stack trace to keep.
 */
final class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Duration retryAfter;

    ProblemException(Problem problem) {
        this(problem, null);
    }

    ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    Problem problem() {
        return problem;
    }

    /** When the client should try again, for a 503; {@code null} otherwise. */
    Duration retryAfter() {
        return retryAfter;
    }
}
