package org.pfptracker.tracker.http;

/**
 * A request that cannot be answered with what was asked (bad parameter, unknown partner): an expected
 * outcome, answered with its problem body. Carries no stack trace, as nothing went wrong in the tracker.
 */
final class ApiException extends RuntimeException {

    private final transient Problem problem;

    private ApiException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    static ApiException of(Problem problem) {
        return new ApiException(problem);
    }

    static ApiException badParameter(String parameter, String detail) {
        return new ApiException(Problem.badParameter(parameter, detail));
    }

    static ApiException notFound(String title, String detail) {
        return new ApiException(Problem.of(404, title, detail));
    }

    static ApiException unknownPartner(String partnerId) {
        return notFound("Unknown partner", "No events about partner '" + partnerId + "' have been seen");
    }

    Problem problem() {
        return problem;
    }
}
