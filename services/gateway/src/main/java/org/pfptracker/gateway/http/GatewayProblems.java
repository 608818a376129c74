package org.pfptracker.gateway.http;

import java.util.List;
import org.pfptracker.gateway.command.Violation;
import org.pfptracker.http.problem.FieldError;
import org.pfptracker.http.problem.Problem;

/** The kinds of problem only the gateway answers: a client switches on these types, so they never change. */
final class GatewayProblems {

    static final String INVALID_COMMAND = Problem.type("invalid-command");
    static final String MALFORMED_REQUEST = Problem.type("malformed-request");
    static final String UNSUPPORTED_MEDIA_TYPE = Problem.type("unsupported-media-type");
    static final String BODY_TOO_LARGE = Problem.type("body-too-large");
    static final String UNKNOWN_PARTNER = Problem.type("unknown-partner");
    static final String PARTNER_CONFLICT = Problem.type("partner-already-joined");
    static final String IDEMPOTENCY_KEY_REUSED = Problem.type("idempotency-key-reused");

    private GatewayProblems() {
    }

    /** A problem listing the fields a command broke the rules with. */
    static Problem withViolations(String type, int status, String title, String detail, List<Violation> violations) {
        return Problem.withErrors(type, status, title, detail,
                violations.stream().map(v -> new FieldError(v.field(), v.message())).toList());
    }
}
