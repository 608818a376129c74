package org.pfptracker.kafka.embedded.security;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * The secrets of a secured cluster: one SCRAM password per {@link KafkaPrincipal}, and the password
 * of its key and trust stores. Generated from {@link SecureRandom}, never written in code; kept in a
 * file only its owner can read, so that a user can find them.
 *
 * <p>{@link #toString()} shows no secret, so that a credentials object can be logged safely.
 *
 * @param passwords     each principal's SCRAM password; may lack principals read from an older file
 *                      (see {@link #missingPrincipals()})
 * @param storePassword the password of the PKCS12 key and trust stores
 */
public record Credentials(Map<KafkaPrincipal, String> passwords, String storePassword) {

    /** The SCRAM mechanism every pfp-tracker client and the brokers use. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private static final String PASSWORD_KEY_PREFIX = "password.";
    private static final String STORE_PASSWORD_KEY = "store.password";
    /** 24 random bytes: 192 bits, as 32 characters of URL-safe Base64. */
    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    public Credentials {
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(storePassword, "storePassword");
        passwords.forEach((principal, password) -> requireUsable(principal.userName(), password));
        requireUsable("the stores", storePassword);
        EnumMap<KafkaPrincipal, String> copy = new EnumMap<>(KafkaPrincipal.class);
        copy.putAll(passwords);
        passwords = Collections.unmodifiableMap(copy);
    }

    /** New random passwords for every principal and for the stores. */
    public static Credentials generate() {
        return new Credentials(Map.of(), newSecret()).completed();
    }

    /**
     * Reads what {@link #writeTo(Path)} wrote. Principals added to {@link KafkaPrincipal} since then
     * are missing: see {@link #missingPrincipals()} and {@link #completed()}.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a credentials file
     */
    public static Credentials readFrom(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read Kafka credentials from " + file, e);
        }
        String storePassword = properties.getProperty(STORE_PASSWORD_KEY);
        if (storePassword == null) {
            throw new IllegalArgumentException(file + " holds no " + STORE_PASSWORD_KEY
                    + "; it is not a credentials file");
        }
        Map<KafkaPrincipal, String> passwords = new EnumMap<>(KafkaPrincipal.class);
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            String password = properties.getProperty(PASSWORD_KEY_PREFIX + principal.userName());
            if (password != null) {
                passwords.put(principal, password);
            }
        }
        return new Credentials(passwords, storePassword);
    }

    /** Writes every secret to {@code file}, readable by its owner alone (mode 600 where POSIX permissions exist). */
    public void writeTo(Path file) {
        Properties properties = new Properties();
        passwords.forEach((principal, password) ->
                properties.setProperty(PASSWORD_KEY_PREFIX + principal.userName(), password));
        properties.setProperty(STORE_PASSWORD_KEY, storePassword);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "pfp-tracker: SCRAM-SHA-512 passwords of the secured Kafka's users, and of its"
                    + " PKCS12 key and trust stores. Keep this file private.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OwnerOnlyFiles.writeSecret(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The password of {@code principal}.
     *
     * @throws IllegalStateException if it is missing (see {@link #completed()})
     */
    public String password(KafkaPrincipal principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalStateException("No password for Kafka user " + principal.userName());
        }
        return password;
    }

    /** The principals without a password, e.g. added to {@link KafkaPrincipal} since an older file was written. */
    public Set<KafkaPrincipal> missingPrincipals() {
        Set<KafkaPrincipal> missing = EnumSet.allOf(KafkaPrincipal.class);
        missing.removeAll(passwords.keySet());
        return missing;
    }

    /** A copy with a new random password for every missing principal. */
    public Credentials completed() {
        Map<KafkaPrincipal, String> all = new EnumMap<>(KafkaPrincipal.class);
        all.putAll(passwords);
        missingPrincipals().forEach(principal -> all.put(principal, newSecret()));
        return new Credentials(all, storePassword);
    }

    /**
     * The {@code --add-scram} arguments of {@code kafka-storage format} that create every principal's
     * credential in the bootstrap metadata, e.g. {@code SCRAM-SHA-512=[name=gateway,password=...]}.
     */
    public List<String> scramFormatterArguments() {
        return passwords.entrySet().stream()
                .map(entry -> SCRAM_MECHANISM + "=[name=" + entry.getKey().userName()
                        + ",password=" + entry.getValue() + "]")
                .toList();
    }

    @Override
    public String toString() {
        return "Credentials[users=" + Arrays.stream(KafkaPrincipal.values())
                .filter(passwords::containsKey).map(KafkaPrincipal::userName).toList() + ", passwords hidden]";
    }

    private static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Passwords travel inside JAAS options ({@code password="..."}) and formatter arguments
     * ({@code [name=..,password=..]}); refuse the characters that would end either early.
     */
    private static void requireUsable(String owner, String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("The password of " + owner + " is empty");
        }
        if (password.chars().anyMatch(c -> c == '"' || c == '\\' || c == ',' || c == ']' || c == ';'
                || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("The password of " + owner
                    + " contains a quote, backslash, comma, bracket, semicolon or space");
        }
    }
}
