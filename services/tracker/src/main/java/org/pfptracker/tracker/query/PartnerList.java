package org.pfptracker.tracker.query;

import java.time.LocalDate;
import java.util.List;
import org.pfptracker.tracker.view.PartnerSummaryView;

/**
 * The JSON of {@code GET /api/v1/partners}: every partner's summary, filtered and sorted as asked.
 *
 * @param asOf the date the date-relative figures are computed for
 * @param count number of partners listed
 * @param partners the summaries, in the order asked for
 */
public record PartnerList(LocalDate asOf, int count, List<PartnerSummaryView> partners) {

    public PartnerList {
        partners = List.copyOf(partners);
    }

    public static PartnerList of(LocalDate asOf, List<PartnerSummaryView> partners) {
        return new PartnerList(asOf, partners.size(), partners);
    }
}
