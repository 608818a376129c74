package org.pfptracker.platform.config;

/** A setting is missing or malformed: an operator's mistake, reported in one line without a stack trace. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
