package org.pfptracker.core.config;

/**
 * A setting is missing or malformed: an operator's mistake, reported in one line without a stack trace.
 *
 * <p>An {@link IllegalArgumentException}, so that code validating its arguments and code reading settings
 * are refused the same way by the callers that print the message and stop.
 */
public final class ConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
