package org.pfptracker.tracker.http;

import org.pfptracker.http.problem.Problem;
import org.pfptracker.http.problem.ProblemException;

/**
 * The requests the query API cannot answer with what was asked (a bad parameter, an unknown partner): expected
 * outcomes, thrown as a {@link ProblemException} and answered with its problem, without a stack trace.
 */
final class Refusals {

    private Refusals() {
    }

    static ProblemException of(Problem problem) {
        return new ProblemException(problem);
    }

    static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(Problem.badParameter(parameter, detail));
    }

    static ProblemException notFound(String title, String detail) {
        return new ProblemException(Problem.of(404, title, detail));
    }

    static ProblemException unknownPartner(String partnerId) {
        return notFound("Unknown partner", "No events about partner '" + partnerId + "' have been seen");
    }
}
