package org.pfptracker.tracker.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pfptracker.tracker.view.PaceView;
import org.pfptracker.tracker.view.PaceView.QuarterView;
import org.pfptracker.tracker.view.PartnerView;

/**
 * The JSON of {@code GET /api/v1/partners/{partnerId}/pace}: a partner's pace as of a date, with its
 * activity flow per quarter for a chart. Every quarter of the range is present, quarters without
 * activity with zeros, so that a chart needs no gap filling.
 *
 * @param partnerId the partner
 * @param asOf the date the pace is computed for
 * @param from first quarter of the series
 * @param to last quarter of the series
 * @param status pace status, as in the partner's view
 * @param ratio trailing-12-month completions over the chosen yearly pace; {@code null} when no pace is set
 * @param completedLast12Months activities completed in the 12 months up to the as-of date
 * @param targetPerYear the chosen pace; {@code null} when not set
 * @param quarters proposed, completed and cancelled activities per quarter, oldest first
 */
public record PaceSeries(String partnerId, LocalDate asOf, String from, String to, String status, Double ratio,
                         int completedLast12Months, Integer targetPerYear, List<QuarterView> quarters) {

    public PaceSeries {
        quarters = List.copyOf(quarters);
    }

    /** The series of a partner's view over a range; an open start begins at its first active quarter. */
    public static PaceSeries of(PartnerView view, QuarterRange range) {
        return of(view.partnerId(), view.asOf(), view.pace(), range);
    }

    /** The series of a partner's pace, whose quarterly flows cover the range, over that range. */
    public static PaceSeries of(String partnerId, LocalDate asOf, PaceView pace, QuarterRange range) {
        Map<Quarter, QuarterView> counted = pace.quarterly().stream()
                .collect(Collectors.toMap(quarter -> Quarter.parse(quarter.quarter()), Function.identity()));
        Quarter to = range.to();
        Quarter from = range.from() != null ? range.from()
                : counted.keySet().stream().filter(quarter -> !quarter.isAfter(to)).min(Quarter::compareTo).orElse(to);
        List<QuarterView> quarters = from.through(to).stream()
                .map(quarter -> counted.getOrDefault(quarter, new QuarterView(quarter.toString(), 0, 0, 0)))
                .toList();
        return new PaceSeries(partnerId, asOf, from.toString(), to.toString(), pace.status(),
                pace.ratio(), pace.completedLast12Months(), pace.targetPerYear(), quarters);
    }
}
