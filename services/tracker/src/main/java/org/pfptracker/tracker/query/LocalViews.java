package org.pfptracker.tracker.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.pfptracker.tracker.view.PaceView;
import org.pfptracker.tracker.view.PartnerSummaryView;
import org.pfptracker.tracker.view.PartnerView;
import org.pfptracker.tracker.view.ProgrammeView;

/**
 * Views read from THIS instance's state stores only. Which instance to ask is the routing layer's
 * business; this one answers for the partners whose store partitions it holds.
 *
 * <p>Every method throws {@link ViewsUnavailableException} while the stores cannot be read
 * (starting, rebalancing, restoring).
 */
public interface LocalViews {

    /**
     * One partner's view as the API serves it: for the date its materialised view was built for, that
     * view's JSON (one lookup); for any other date, built from the partner's stores. {@code allowStandby}
     * also reads a standby copy (possibly behind the active one).
     */
    Optional<JsonBody> partnerJson(String partnerId, LocalDate asOf, boolean allowStandby);

    /** One partner's view as of a date, built from its stores; same rules as {@link #partnerJson}. */
    Optional<PartnerView> partner(String partnerId, LocalDate asOf, boolean allowStandby);

    /**
     * One partner's pace as of a date, with its activity flow per quarter from the quarter of {@code from}
     * ({@code null}: its first active quarter); same rules as {@link #partnerJson}.
     */
    Optional<PaceView> pace(String partnerId, LocalDate asOf, LocalDate from, boolean allowStandby);

    /** One programme of one partner, with every objective's state; same rules as {@link #partnerJson}. */
    Optional<ProgrammeView> programme(String partnerId, String programmeId, LocalDate asOf, boolean allowStandby);

    /** The summaries of every partner whose active store partition is on this instance. */
    List<PartnerSummaryView> partners(LocalDate asOf);
}
