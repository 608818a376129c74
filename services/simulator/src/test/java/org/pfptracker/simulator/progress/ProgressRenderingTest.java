package org.pfptracker.simulator.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressRenderingTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void shouldDrawABarInPlaceWithPercentEventsRateHistoryDayAndEta() {
        new TerminalProgressBar(out).onProgress(progress(0.25, 1_234_567, 98_765.4, 10_000));

        assertThat(output()).isEqualTo("\rbackfill [########......................]  25.0%  1,234,567 events  "
                + "98,765 events/s  history at 2017-03-02  ETA 30.0 s");
    }

    @Test
    void shouldRedrawAtMostFourTimesASecondAndEndWithANewLine() {
        TerminalProgressBar bar = new TerminalProgressBar(out);

        bar.onProgress(progress(0.1, 100, 10, 1_000));
        bar.onProgress(progress(0.2, 200, 10, 1_100));
        bar.onProgress(progress(0.3, 300, 10, 1_300));
        bar.onFinished(progress(1.0, 1_000, 10, 2_000));

        assertThat(output().split("\r", -1)).hasSize(4); // three drawings after the (empty) start
        assertThat(output()).endsWith("\n").doesNotContain("  200 events");
    }

    @Test
    void shouldBlankOutWhatALongerLineLeftBehind() {
        TerminalProgressBar bar = new TerminalProgressBar(out);
        bar.onProgress(progress(0.5, 1_000_000, 1_000_000, 1_000));
        String first = output();

        bar.onProgress(new Progress(Phase.BACKFILL, 1, null, 0.5, Duration.ofMillis(2_000), 1));

        String second = output().substring(first.length());
        assertThat(second.length()).isGreaterThanOrEqualTo(first.length());
        assertThat(second).endsWith(" ");
    }

    @Test
    void shouldLogOnePlainLinePerInterval() {
        ProgressLog log = new ProgressLog(out, Duration.ofSeconds(10));

        log.onProgress(progress(0.1, 100, 10, 1_000));
        log.onProgress(progress(0.2, 200, 10, 10_000));
        log.onProgress(progress(0.3, 300, 10, 15_000));
        log.onProgress(progress(0.4, 400, 10, 21_000));
        log.onFinished(progress(1.0, 1_000, 10, 22_000));

        assertThat(output().lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("backfill: "));
        assertThat(output()).doesNotContain("\r").contains("200 events").contains("400 events").contains("1,000 events");
    }

    @Test
    void shouldShowABarToAPersonAtATerminalAndLinesToCiAndPipes() {
        assertThat(ConsoleProgress.choose(out, true, Map.of(), Duration.ofSeconds(10)))
                .isInstanceOf(TerminalProgressBar.class);
        assertThat(ConsoleProgress.choose(out, true, Map.of("CI", "true"), Duration.ofSeconds(10)))
                .isInstanceOf(ProgressLog.class);
        assertThat(ConsoleProgress.choose(out, false, Map.of(), Duration.ofSeconds(10)))
                .isInstanceOf(ProgressLog.class);
    }

    @Test
    void shouldEstimateTheTimeLeftFromTheAverageSpeedSoFar() {
        assertThat(progress(0.25, 1, 1, 10_000).eta()).contains(Duration.ofSeconds(30));
        assertThat(progress(0, 1, 1, 10_000).eta()).isEmpty();
        assertThat(new Progress(Phase.LIVE, 1, null, Double.NaN, Duration.ofSeconds(1), 1).eta()).isEmpty();
    }

    @Test
    void shouldWriteFiguresTheSameWayOnEveryMachine() {
        assertThat(ProgressFormat.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(ProgressFormat.duration(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
        assertThat(ProgressFormat.duration(Duration.ofSeconds(65))).isEqualTo("1m 05s");
        assertThat(ProgressFormat.duration(Duration.ofMinutes(123))).isEqualTo("2h 03m");
    }

    private static Progress progress(double fraction, long events, double rate, long elapsedMillis) {
        return new Progress(Phase.BACKFILL, events, Instant.parse("2017-03-02T10:00:00Z"), fraction,
                Duration.ofMillis(elapsedMillis), rate);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
