package org.pfptracker.faults.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.platform.serde.JsonSerde;
import org.pfptracker.testsupport.http.ApiClient;
import org.pfptracker.tracker.support.ReferenceComputation;
import org.pfptracker.tracker.view.PartnerView;

/**
 * The tracker's views held to the plain reference computation the property tests use, over every event
 * the topics hold: equal field by field, or which partners differ and how many events apart.
 */
public final class ViewCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    /** One partner whose view is not the reference's. */
    public record Difference(String partner, long applied, long expected, String detail) {
    }

    private ViewCheck() {
    }

    /** A partner's view as of {@code asOf}, from any instance (it forwards to the owner); empty if not served. */
    public static Optional<PartnerView> view(String tracker, String token, String partner, LocalDate asOf) {
        try {
            HttpResponse<String> response = ApiClient.at(tracker).withAuthorization("Bearer " + token)
                    .withTimeout(PROBE_TIMEOUT).get("/api/v1/partners/" + partner + "?asOf=" + asOf);
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(JsonSerde.mapper().readValue(response.body(), PartnerView.class));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Every partner whose view differs from the reference computed from {@code history}. */
    public static List<Difference> differences(String tracker, String token, List<String> partners,
                                               List<SpecificRecord> history, LocalDate asOf) {
        List<Difference> differences = new ArrayList<>();
        for (String partner : partners) {
            ReferenceComputation expected = ReferenceComputation.of(history, partner, asOf);
            Optional<PartnerView> view = view(tracker, token, partner, asOf);
            if (view.isEmpty()) {
                differences.add(new Difference(partner, -1, expected.eventsApplied(), "not served"));
                continue;
            }
            ReferenceComputation actual = ReferenceComputation.of(view.get());
            if (!actual.equals(expected)) {
                differences.add(new Difference(partner, actual.eventsApplied(), expected.eventsApplied(),
                        "view " + actual + " but reference " + expected));
            }
        }
        return differences;
    }
}
