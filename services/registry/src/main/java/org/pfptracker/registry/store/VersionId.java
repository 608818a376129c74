package org.pfptracker.registry.store;

import java.util.List;

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
     * The version this names among a subject's versions (oldest first): "latest" is the last live one,
     * as in Confluent's registry; a number is the version with that number, live or not.
     *
     * @throws RegistryException 40402 when there is no such version
     */
    StoredSchema among(List<StoredSchema> versions) {
        if (isLatest()) {
            return versions.stream().filter(StoredSchema::live).reduce((first, second) -> second)
                    .orElseThrow(() -> RegistryException.versionNotFound(number));
        }
        return versions.stream()
                .filter(stored -> stored.version() == number)
                .findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(number));
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
