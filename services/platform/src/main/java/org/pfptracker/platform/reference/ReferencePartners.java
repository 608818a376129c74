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

/** The reference data shipped with pfp-tracker: the 22 Partnership for Peace partners of 2014. */
public final class ReferencePartners {

    private static final String RESOURCE = "partners-2014.csv";

    private ReferencePartners() {
    }

    /** The partners of 2014 in alphabetical order of id. */
    public static List<ReferencePartner> of2014() {
        try (InputStream in = ReferencePartners.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Reference data " + RESOURCE + " is missing from the classpath");
            }
            List<ReferencePartner> partners = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                partners.add(parse(line, number));
            }
            return List.copyOf(partners);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReferencePartner parse(String line, int number) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalStateException(RESOURCE + " line " + number + ": expected 4 fields, found " + fields.length);
        }
        return new ReferencePartner(fields[0].trim(), fields[1].trim(), Framework.valueOf(fields[2].trim()),
                LocalDate.parse(fields[3].trim()));
    }
}
