package org.pfptracker.tracker.http;

import org.pfptracker.http.problem.ProblemException;
import static org.pfptracker.tracker.http.RequestParameters.AS_OF;
import static org.pfptracker.tracker.http.RequestParameters.FROM;
import static org.pfptracker.tracker.http.RequestParameters.TO;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import org.pfptracker.http.access.AccessControl;
import org.pfptracker.tracker.query.LocalViews;
import org.pfptracker.tracker.query.PaceSeries;
import org.pfptracker.tracker.query.QuarterRange;

/**
 * The queries about one partner: its whole view, its pace series, one of its programmes. Each checks
 * its parameters, then lets the {@link KeyRouter} find the copy that answers.
 */
final class PartnerEndpoints {

    private final KeyRouter router;
    private final Clock clock;

    PartnerEndpoints(KeyRouter router, Clock clock) {
        this.router = router;
        this.clock = clock;
    }

    /** {@code GET /api/v1/partners/{partnerId}}: the partner's whole view. */
    void view(Context ctx) {
        RequestParameters parameters = RequestParameters.of(ctx).allowOnly(AS_OF);
        String partnerId = readable(ctx, parameters.partnerId().value());
        LocalDate asOf = parameters.asOf(today());
        router.answer(ctx, partnerId, PeerClient.forwardable(ctx, asOf), (views, stale) ->
                views.partnerJson(partnerId, asOf, stale).orElseThrow(() -> Refusals.unknownPartner(partnerId)));
    }

    /** {@code GET /api/v1/partners/{partnerId}/pace}: the pace and the quarterly activity series. */
    void pace(Context ctx) {
        RequestParameters parameters = RequestParameters.of(ctx).allowOnly(AS_OF, FROM, TO);
        String partnerId = readable(ctx, parameters.partnerId().value());
        LocalDate asOf = parameters.asOf(today());
        QuarterRange range = parameters.quarters(asOf);
        router.answer(ctx, partnerId, PeerClient.forwardable(ctx, asOf), (views, stale) ->
                PaceSeries.of(partnerId, asOf, views.pace(partnerId, asOf,
                                range.from() == null ? null : range.from().firstDay(), stale)
                        .orElseThrow(() -> Refusals.unknownPartner(partnerId)), range));
    }

    /** {@code GET /api/v1/partners/{partnerId}/programmes/{programmeId}}: one programme, objective by objective. */
    void programme(Context ctx) {
        RequestParameters parameters = RequestParameters.of(ctx).allowOnly(AS_OF);
        String partnerId = readable(ctx, parameters.partnerId().value());
        String programmeId = parameters.programmeId();
        LocalDate asOf = parameters.asOf(today());
        router.answer(ctx, partnerId, PeerClient.forwardable(ctx, asOf), (views, stale) ->
                views.programme(partnerId, programmeId, asOf, stale).orElseThrow(() ->
                        unknownProgrammeOrPartner(views, partnerId, programmeId, asOf, stale)));
    }

    private static ProblemException unknownProgrammeOrPartner(LocalViews views, String partnerId, String programmeId,
                                                          LocalDate asOf, boolean stale) {
        if (views.partner(partnerId, asOf, stale).isEmpty()) {
            return Refusals.unknownPartner(partnerId);
        }
        return Refusals.notFound("Unknown programme", "Partner '" + partnerId + "' has no programme '"
                + programmeId + "' (or its ProgrammeAgreed event has not arrived)");
    }

    /**
     * The partner, if the caller reads it. Another partner's data answers as an unknown partner does, so a
     * partner reader cannot even learn which partners exist.
     */
    private static String readable(Context ctx, String partnerId) {
        if (!AccessControl.identity(ctx).reads(partnerId)) {
            throw Refusals.unknownPartner(partnerId);
        }
        return partnerId;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

}
