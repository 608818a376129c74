package org.pfptracker.registry.store;

/**
 * A version as the REST API names it in a path: a number from 1, or "latest" (also -1).
 *
 * @param number the version number, or -1 for the latest
 */
public record VersionId(int number) {

    private static final VersionId LATEST = new VersionId(-1);

    /** Validates the number. */
    public VersionId {
        if (number < 1 && number != -1) {
            throw RegistryException.invalidVersion(Integer.toString(number));
        }
    }

    /** Whether this names the latest version. */
    public boolean isLatest() {
        return number == -1;
    }

    /**
     * Parses a path segment.
     *
     * @throws RegistryException 42202 when it is neither 1..2^31-1, -1 nor "latest"
     */
    public static VersionId parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if ("latest".equalsIgnoreCase(trimmed)) {
            return LATEST;
        }
        try {
            return new VersionId(Integer.parseInt(trimmed));
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(trimmed);
        }
    }
}
