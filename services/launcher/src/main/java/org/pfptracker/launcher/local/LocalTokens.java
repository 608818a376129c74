package org.pfptracker.launcher.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pfptracker.http.issuer.LocalIssuer;
import org.pfptracker.http.issuer.TokenGrant;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.serde.EventSerdes;

/**
 * Ready tokens of the local stack's own issuer, one per kind of caller a user tries out, and where they
 * are written for a shell ({@code source .pfp-data/tokens.env}).
 *
 * @param staff reads every partner
 * @param partnerReader reads {@link #READER_PARTNER} only
 * @param writer publishes any event through the gateway
 * @param registryAdmin registers schemas and changes compatibility
 * @param operator reads metrics
 * @param services what the stack's own services and the {@code pfp} commands read the registry with: no role,
 *     so nothing else; valid {@link #SERVICES_LIFETIME} since the stack runs that long
 * @param signInPasscode what the local issuer's sign-in page asks for, so that only the person who started
 *     the stack (who sees the console and can read the file) signs in through it
 * @param file where they are written, readable by the owner only
 */
public record LocalTokens(String staff, String partnerReader, String writer, String registryAdmin, String operator,
                          String services, String signInPasscode, Path file) {

    /** The partner whose reader's token is printed. */
    public static final String READER_PARTNER = "ukraine";
    /** How long the printed tokens work: a working day, then a restart prints new ones. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** The services' token lives as long as a stack may run unattended; a restart issues a new one. */
    public static final Duration SERVICES_LIFETIME = Duration.ofDays(30);

    static LocalTokens issue(LocalIssuer issuer, String signInPasscode, Path file) {
        LocalTokens tokens = new LocalTokens(issuer.issue(TokenGrant.staffReader(), LIFETIME),
                issuer.issue(TokenGrant.partnerReader(READER_PARTNER), LIFETIME),
                issuer.issue(TokenGrant.writer("pfp-local-user"), LIFETIME),
                issuer.issue(TokenGrant.registryAdmin(), LIFETIME),
                issuer.issue(TokenGrant.operator(), LIFETIME),
                issuer.issue(new TokenGrant("pfp-local-services", "pfp-local", List.of(), null, List.of()),
                        SERVICES_LIFETIME), signInPasscode, file);
        tokens.write();
        return tokens;
    }

    private void write() {
        String lines = "# Tokens of pfp local's own issuer, valid " + LIFETIME.toHours() + " h from the last start.\n"
                + "export PFP_STAFF_TOKEN=" + staff + "\n"
                + "export PFP_READER_TOKEN=" + partnerReader + "   # reads " + READER_PARTNER + " only\n"
                + "export PFP_WRITER_TOKEN=" + writer + "\n"
                + "export PFP_ADMIN_TOKEN=" + registryAdmin + "\n"
                + "export PFP_OPERATOR_TOKEN=" + operator + "\n"
                + "# What the local issuer's sign-in page (the dashboard's 'Sign in with your organisation') asks for.\n"
                + "export PFP_SIGN_IN_PASSCODE=" + signInPasscode + "\n"
                + "# How pfp commands (pfp publish, pfp schemas check) read the registry. The stack registered this\n"
                + "# build's schemas; this token may only look them up, so publishers must not register their own.\n"
                + "export PFP_SCHEMA_REGISTRY_CLIENT_BEARER_AUTH_CREDENTIALS_SOURCE=STATIC_TOKEN\n"
                + "export PFP_SCHEMA_REGISTRY_CLIENT_BEARER_AUTH_TOKEN=" + services + "\n"
                + "export " + EventSerdes.AUTO_REGISTER_SCHEMAS.environmentVariable() + "=false\n";
        OwnerOnlyFile.write(file, lines, "the local tokens");
    }

    /** The settings with which a schema registry client reads the registry with the services' token. */
    public Map<String, String> registryClientSettings() {
        return Map.of(KafkaSettings.REGISTRY_CLIENT_PREFIX + "bearer.auth.credentials.source", "STATIC_TOKEN",
                KafkaSettings.REGISTRY_CLIENT_PREFIX + "bearer.auth.token", services);
    }

    /** A new sign-in passcode: 16 letters and digits in groups of four, about 80 bits. */
    static String newPasscode() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder passcode = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                passcode.append('-');
            }
            passcode.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return passcode.toString();
    }

    /** A link that signs a browser in to the dashboard with a token (in the fragment: never sent to a server). */
    public static String signInLink(String trackerUrl, String token) {
        return trackerUrl + "/signin#token=" + token;
    }
}
