package org.pfptracker.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pfptracker.launcher.Pfp;
import picocli.CommandLine;

/**
 * {@code pfp bench} end to end on its embedded broker, small enough for the build: every measurement
 * runs and reports figures. How fast they are is what the benchmark prints, never what a test asserts.
 */
@Tag("integration")
class BenchCommandIT {

    private static final List<String> ROWS = List.of("1", "2", "3", "4", "5", "6a", "6b", "6c", "6d", "6e", "6f", "7", "8");
    /** A table row: | number | measurement | result | compared |. */
    private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\| (.*?) \\| (.*?) \\| (.*?) \\|$", Pattern.MULTILINE);
    private static final Pattern FIGURE = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

    @Test
    void shouldPrintEveryRowOfTheTableWithPositiveFigures() {
        // Given
        StringWriter out = new StringWriter();
        CommandLine pfp = new CommandLine(new Pfp()).setOut(new PrintWriter(out));

        // When: small enough to stay near a minute on two shared cores, where the tracker's cold start
        // dominates; a live rate the tracker keeps up with there, so that no probe waits on a backlog
        int exitCode = pfp.execute("bench", "--embedded", "--events", "10000", "--clients", "2", "--query-seconds", "2",
                "--live-rate", "200", "--live-seconds", "3");

        // Then
        String table = out.toString();
        System.out.println(table);
        assertThat(exitCode).isZero();
        assertThat(table).startsWith("### pfp bench: ").contains("N = 10,000 events");
        Map<String, List<String>> rows = rows(table);
        assertThat(rows.keySet()).containsExactlyElementsOf(ROWS);
        rows.forEach((row, cells) -> {
            String result = cells.get(1);
            assertThat(result).as("row %s", row).doesNotContain("n/a");
            assertThat(figures(result)).as("row %s: %s", row, result).isNotEmpty().allSatisfy(figure ->
                    assertThat(figure).as("row %s: %s", row, result).isPositive());
        });
        // Not speed: every query answered 2xx, and every probe of the live measurement was seen in its view.
        ROWS.stream().filter(row -> row.startsWith("6"))
                .forEach(row -> assertThat(rows.get(row).get(2)).as("row %s", row).endsWith("0 errors"));
        assertThat(rows.get("8").get(2)).contains(" 0 lost");
    }

    /** Row number to its measurement, result and compared cells, in table order. */
    private static Map<String, List<String>> rows(String table) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            rows.put(row.group(1), List.of(row.group(2), row.group(3), row.group(4)));
        }
        return rows;
    }

    /** The numbers in a result cell, percentile names (p50, p99) left out. */
    private static List<Double> figures(String result) {
        List<Double> figures = new ArrayList<>();
        Matcher figure = FIGURE.matcher(result.replaceAll("\\bp\\d+\\b", ""));
        while (figure.find()) {
            figures.add(Double.parseDouble(figure.group().replace(",", "")));
        }
        return figures;
    }
}
