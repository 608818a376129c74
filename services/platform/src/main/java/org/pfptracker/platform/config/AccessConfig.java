package org.pfptracker.platform.config;

import java.util.List;
import java.util.Optional;
import org.pfptracker.http.access.AccessSettings;

/**
 * The access-control options ({@link AccessSettings#OPTIONS}) as settings of this process: listed by
 * {@code pfp config}, read from properties and {@code PFP_ACCESS_*} environment variables.
 */
public final class AccessConfig {

    public static final Setting MODE = setting(AccessSettings.MODE);
    public static final Setting ISSUER = setting(AccessSettings.ISSUER);
    public static final Setting JWKS_URL = setting(AccessSettings.JWKS_URL);
    public static final Setting DASHBOARD_CLIENT = setting(AccessSettings.DASHBOARD_CLIENT);

    /** Every option, in the order they are documented. */
    public static final List<Setting> ALL = AccessSettings.OPTIONS.stream().map(AccessConfig::setting).toList();

    private AccessConfig() {
    }

    /** The access settings these settings give. */
    public static AccessSettings from(Settings settings) {
        try {
            return AccessSettings.from(key -> Optional.ofNullable(settings.asMap().get(key)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private static Setting setting(AccessSettings.Option option) {
        return new Setting(option.key(), option.defaultValue(), option.doc());
    }
}
