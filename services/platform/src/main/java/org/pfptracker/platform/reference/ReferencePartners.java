package org.pfptracker.platform.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerStatus;

/**
 * The reference data shipped with pfp-tracker: the 22 Partnership for Peace partners of 2014 and
 * their later status changes.
 */
public final class ReferencePartners {

    private static final String RESOURCE = "partners-2014.csv";
    private static final String STATUS_RESOURCE = "partner-status-changes.csv";

    private ReferencePartners() {
    }

    /** The partners of 2014 in alphabetical order of id. */
    public static List<ReferencePartner> of2014() {
        return rows(RESOURCE).stream()
                .map(f -> new ReferencePartner(f[0], f[1], Framework.valueOf(f[2]), LocalDate.parse(f[3])))
                .toList();
    }

    /** Their status changes after joining, oldest first. */
    public static List<ReferenceStatusChange> statusChanges() {
        return rows(STATUS_RESOURCE).stream()
                .map(f -> new ReferenceStatusChange(f[0], PartnerStatus.valueOf(f[1]), LocalDate.parse(f[2]), f[3]))
                .sorted(java.util.Comparator.comparing(ReferenceStatusChange::effectiveOn))
                .toList();
    }

    /** The data lines of a CSV resource, split into exactly four trimmed fields (the last may hold commas). */
    private static List<String[]> rows(String resource) {
        try (InputStream in = ReferencePartners.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Reference data " + resource + " is missing from the classpath");
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",", 4);
                if (fields.length != 4) {
                    throw new IllegalStateException(resource + " line " + number + ": expected 4 fields, found "
                            + fields.length);
                }
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].trim();
                }
                rows.add(fields);
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
