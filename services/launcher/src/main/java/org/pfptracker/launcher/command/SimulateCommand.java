package org.pfptracker.launcher.command;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pfptracker.core.config.Settings;
import org.pfptracker.launcher.UserFacingException;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.simulator.BackfillResult;
import org.pfptracker.simulator.Ending;
import org.pfptracker.simulator.LivePace;
import org.pfptracker.simulator.LiveResult;
import org.pfptracker.simulator.SimulationFailedException;
import org.pfptracker.simulator.SimulationPlan;
import org.pfptracker.simulator.Simulator;
import org.pfptracker.simulator.config.SimulatorSettings;
import org.pfptracker.simulator.progress.ConsoleProgress;
import org.pfptracker.simulator.progress.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Publishes a simulated, seeded history of Partnership for Peace cooperation through the publisher
 * library: a backfill of a period as fast as the cluster takes it, or live at a steady rate.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Publish a realistic, seeded history of PfP cooperation (joins, priorities and pace, "
                + "programmes, activities, exercises, status changes) through the publisher.",
        subcommands = {SimulateCommand.BackfillCommand.class, SimulateCommand.LiveCommand.class})
public final class SimulateCommand {

    /** What every simulation is made of: the seed, the scale, and where the simulated cooperation starts. */
    static final class PlanOptions {
        @Option(names = "--seed", defaultValue = "42",
                description = "Seed of every random choice: the same seed and options publish the same events, "
                        + "ids included (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--scale", defaultValue = "1",
                description = "Volume multiplier: 1 is about 1,400 activities a year, some 4,200 events a year in "
                        + "all; 200 gives about 10 million events from 2014 (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--max-events", paramLabel = "N",
                description = "Stop after N events (a benchmark of a given size).")
        Long maxEvents;

        long maxEventsOrUnlimited() {
            if (maxEvents != null && maxEvents < 1) {
                throw new UserFacingException("--max-events must be at least 1, was " + maxEvents);
            }
            return maxEvents == null ? Long.MAX_VALUE : maxEvents;
        }
    }

    @Command(name = "backfill", mixinStandardHelpOptions = true,
            description = "Publish the history of a period as fast as the cluster takes it, with a progress "
                    + "bar, then print the count, duration and rate.")
    static final class BackfillCommand implements Callable<Integer> {
        @Mixin SettingsOptions options;
        @Mixin PlanOptions plan;

        @Option(names = "--from", defaultValue = "2014-01-01", converter = MomentConverter.class, paramLabel = "WHEN",
                description = "Start of the simulated cooperation: a date (UTC), an instant or 'now' "
                        + "(default: ${DEFAULT-VALUE}). Joins and status changes keep their real dates before it.")
        Instant from;

        @Option(names = "--to", defaultValue = "now", converter = MomentConverter.class, paramLabel = "WHEN",
                description = "End of the period, exclusive: a date (UTC), an instant or 'now' (default: ${DEFAULT-VALUE}).")
        Instant to;

        @Override
        public Integer call() {
            Settings settings = SimulatorSettings.forThroughput(options.load());
            SimulationPlan simulation = planOf(plan, from, to);
            return run(settings, simulation, simulator -> {
                BackfillResult result = simulator.backfill(plan.maxEventsOrUnlimited(), progress(settings));
                System.out.println(result.summary());
            });
        }
    }

    @Command(name = "live", mixinStandardHelpOptions = true,
            description = "Publish the history as it goes on, at a steady rate, each event stamped with the wall "
                    + "clock, until Ctrl-C (or --max-events, --duration). With --from in the past, the history "
                    + "up to now is published first, as fast as the cluster takes it.")
    static final class LiveCommand implements Callable<Integer> {
        @Mixin SettingsOptions options;
        @Mixin PlanOptions plan;

        @Option(names = "--rate", defaultValue = "5", paramLabel = "EVENTS_PER_SECOND",
                description = "Events a second; fractions allowed (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--from", defaultValue = "now", converter = MomentConverter.class, paramLabel = "WHEN",
                description = "Start of the simulated cooperation (default: ${DEFAULT-VALUE}: only the partners' "
                        + "joins, status changes and priorities come before the live events).")
        Instant from;

        @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "Stop after this long, e.g. 90s, 10m, 2h.")
        Duration duration;

        @Override
        public Integer call() {
            Settings settings = SimulatorSettings.forThroughput(options.load());
            Instant now = Instant.now();
            SimulationPlan simulation = planOf(plan, from.isAfter(now) ? now : from, now);
            LivePace pace;
            try {
                pace = new LivePace(rate, plan.maxEventsOrUnlimited(), duration);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(e.getMessage());
            }
            return run(settings, simulation, simulator -> {
                ProgressListener progress = progress(settings);
                BackfillResult history = simulator.backfill(progress);
                System.out.println(history.summary());
                if (history.ending() != Ending.STOPPED) {
                    LiveResult live = simulator.live(pace, progress);
                    System.out.println(live.summary());
                }
            });
        }
    }

    /**
     * Runs a simulation with a publisher of its own; Ctrl-C stops it cleanly (what is in flight is
     * acknowledged and the summary printed) before the JVM exits.
     */
    private static int run(Settings settings, SimulationPlan plan, Consumer<Simulator> body) {
        CountDownLatch finished = new CountDownLatch(1);
        try (EventPublisher publisher = EventPublisher.create(settings)) {
            Simulator simulator = Simulator.create(publisher, plan, settings);
            Thread stopper = new Thread(() -> {
                simulator.stop();
                awaitQuietly(finished);
            }, "pfp-simulate-shutdown");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                body.accept(simulator);
                return 0;
            } catch (SimulationFailedException e) {
                throw new UserFacingException(e.getMessage(), e);
            } finally {
                finished.countDown();
                removeHook(stopper);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            // The publisher's delivery timeout (30 s by default) bounds how long what is in flight can take.
            finished.await(45, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running: it is what ended the run.
        }
    }

    private static SimulationPlan planOf(PlanOptions options, Instant from, Instant to) {
        try {
            return new SimulationPlan(options.seed, from, to, options.scale);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
    }

    private static ProgressListener progress(Settings settings) {
        // On stderr: stdout keeps only the summaries, for scripts to read.
        return ConsoleProgress.forThisProcess(System.err, settings.get(SimulatorSettings.PROGRESS_INTERVAL));
    }

    /** A moment: 'now', a date (its start, UTC) or an ISO-8601 instant. */
    static final class MomentConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            if ("now".equalsIgnoreCase(value)) {
                return Instant.now();
            }
            try {
                return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not 'now', a date such as 2014-01-01 or an "
                        + "instant such as 2014-01-01T08:00:00Z");
            }
        }
    }

    /** A duration: a number and a unit (ms, s, m, h, d), or ISO-8601 (PT10M). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                if (value.startsWith("P") || value.startsWith("p")) {
                    return Duration.parse(value);
                }
                int unit = 0;
                while (unit < value.length() && Character.isDigit(value.charAt(unit))) {
                    unit++;
                }
                long amount = Long.parseLong(value.substring(0, unit));
                return switch (value.substring(unit)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> throw new IllegalArgumentException("unknown unit");
                };
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + value + "' is not a duration such as 90s, 10m, 2h or PT10M");
            }
        }
    }
}
