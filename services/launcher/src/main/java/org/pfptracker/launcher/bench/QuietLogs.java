package org.pfptracker.launcher.bench;

import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Keeps a benchmark's output readable: stdout carries the table alone, so the log moves to stderr,
 * and the broker, the clients and the HTTP server say only what went wrong. Our own warnings stay.
 */
public final class QuietLogs {

    private static final String APPENDER = "pfp-bench-stderr";

    private QuietLogs() {
    }

    /** Applies to the whole process, for the rest of its life (a benchmark is all the process does). */
    public static void apply() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return; // another logging backend: left as it is
        }
        Configuration configuration = context.getConfiguration();
        LoggerConfig root = configuration.getRootLogger();
        if (!root.getAppenders().containsKey(APPENDER)) {
            // The same layout as configured (text or JSON), only on the other stream.
            Layout<?> layout = root.getAppenders().values().stream().findFirst().map(Appender::getLayout)
                    .orElseGet(PatternLayout::createDefaultLayout);
            ConsoleAppender standardError = ConsoleAppender.newBuilder()
                    .setName(APPENDER)
                    .setTarget(ConsoleAppender.Target.SYSTEM_ERR)
                    .setLayout(layout)
                    .setConfiguration(configuration)
                    .build();
            standardError.start();
            configuration.addAppender(standardError);
            for (String name : List.copyOf(root.getAppenders().keySet())) {
                root.removeAppender(name);
            }
            root.addAppender(standardError, null, null);
        }
        Configurator.setLevel(Map.of(
                "org.apache.kafka", Level.ERROR,
                "kafka", Level.ERROR,
                // Under transactions v2 a broker refuses a transactional batch that overtakes the partition's
                // first one with a retriable OutOfOrderSequence (KAFKA-18202), and logs each refusal at ERROR;
                // Streams' producer retries it. A failure that is not retried reaches the clients anyway.
                "kafka.server.ReplicaManager", Level.OFF,
                "state.change.logger", Level.ERROR,
                "org.eclipse.jetty", Level.ERROR,
                "io.javalin", Level.ERROR,
                "org.pfptracker", Level.WARN));
    }
}
