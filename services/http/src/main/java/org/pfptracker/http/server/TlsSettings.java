package org.pfptracker.http.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;

/**
 * HTTPS for one server: its key and certificate chain, and how long browsers are told to use nothing but
 * HTTPS for it. With TLS on, the server's port speaks TLS only.
 *
 * @param keys where the private key and its certificate chain are
 * @param hstsMaxAge the {@code max-age} of the {@code Strict-Transport-Security} header every answer carries
 */
public record TlsSettings(KeySource keys, Duration hstsMaxAge) {

    public TlsSettings {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(hstsMaxAge, "hstsMaxAge");
        if (hstsMaxAge.isNegative()) {
            throw new IllegalArgumentException("The HSTS max-age must not be negative, was " + hstsMaxAge);
        }
    }

    /** Where a server's private key and certificate chain come from. */
    public sealed interface KeySource permits PemFiles, KeyStoreFile {

        /**
         * Reads the key and chain now, so that a wrong path, password or key fails the start with a reason
         * instead of every handshake.
         *
         * @throws IllegalArgumentException saying what is wrong with which file
         */
        LoadedKeys load();
    }

    /**
     * PEM files, as most certificate authorities and tools hand them out.
     *
     * @param certificateChain the server's certificate first, then any intermediates
     * @param privateKey its private key: PKCS#8 ({@code BEGIN PRIVATE KEY}), encrypted PKCS#8
     *     ({@code BEGIN ENCRYPTED PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC1
     *     ({@code BEGIN EC PRIVATE KEY})
     * @param keyPassword the password of an encrypted key, else {@code null}
     */
    public record PemFiles(Path certificateChain, Path privateKey, String keyPassword) implements KeySource {

        public PemFiles {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }

        @Override
        public LoadedKeys load() {
            return PemKeyStore.read(certificateChain, privateKey, keyPassword);
        }

        @Override
        public String toString() {
            return "PemFiles[" + certificateChain + ", " + privateKey + ", password hidden]";
        }
    }

    /**
     * A PKCS#12 key store holding one private key with its chain.
     *
     * @param path the {@code .p12} file
     * @param password the store's password, which also opens the key (as PKCS#12 tools write them)
     */
    public record KeyStoreFile(Path path, String password) implements KeySource {

        public KeyStoreFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public LoadedKeys load() {
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password.toCharArray());
                boolean hasKey = false;
                for (String alias : Collections.list(store.aliases())) {
                    hasKey |= store.isKeyEntry(alias);
                }
                if (!hasKey) {
                    throw new IllegalArgumentException("The key store " + path + " holds no private key");
                }
                return new LoadedKeys(store, password);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("Cannot read the PKCS#12 key store " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "KeyStoreFile[" + path + ", password hidden]";
        }
    }

    /**
     * A key and chain ready for Jetty.
     *
     * @param store a key store with the key entry
     * @param password what opens the store and the key
     */
    public record LoadedKeys(KeyStore store, String password) {

        @Override
        public String toString() {
            return "LoadedKeys[password hidden]";
        }
    }
}
