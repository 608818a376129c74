package org.pfptracker.simulator.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** Chooses how to show progress on a console: a bar for a person at a terminal, lines for everything else. */
public final class ConsoleProgress {

    private ConsoleProgress() {
    }

    /** For this process: a bar when attached to a terminal and not under CI ({@code CI=true}). */
    public static ProgressListener forThisProcess(PrintStream out, Duration lineInterval) {
        return choose(out, System.console() != null, System.getenv(), lineInterval);
    }

    /** The choice, from what is known of the environment. */
    public static ProgressListener choose(PrintStream out, boolean terminal, Map<String, String> environment,
                                          Duration lineInterval) {
        boolean ci = "true".equalsIgnoreCase(environment.getOrDefault("CI", ""));
        return terminal && !ci ? new TerminalProgressBar(out) : new ProgressLog(out, lineInterval);
    }
}
