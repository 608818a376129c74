package org.pfptracker.kafka.embedded.security;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes files that hold secrets (passwords, private keys) so that only their owner can read them. */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private OwnerOnlyFiles() {
    }

    /** Replaces {@code file} with {@code content}, readable and writable by its owner alone. */
    static void writeSecret(Path file, byte[] content) {
        write(file, content, OWNER_ONLY);
    }

    /** Replaces {@code file} with {@code content} that anyone may read (certificates, trust stores). */
    static void writePublic(Path file, byte[] content) {
        write(file, content, WORLD_READABLE);
    }

    /**
     * Writes a sibling with the final permissions from its creation on, then moves it over the file:
     * the secret is never readable by others, not even for a moment, and a crash leaves either the
     * old file or the new one.
     */
    private static void write(Path file, byte[] content, Set<PosixFilePermission> permissions) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            Path sibling;
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                sibling = Files.createTempFile(directory, "." + file.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                sibling = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
                restrictToOwner(sibling);
            }
            try {
                Files.write(sibling, content);
                if (Files.getFileAttributeView(sibling, PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(sibling, permissions);
                }
                Files.move(sibling, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(sibling);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** Where POSIX permissions do not exist (Windows), the closest the JDK offers. */
    private static void restrictToOwner(Path file) {
        File asFile = file.toFile();
        boolean restricted = asFile.setReadable(false, false) && asFile.setReadable(true, true)
                && asFile.setWritable(false, false) && asFile.setWritable(true, true);
        if (!restricted) {
            throw new UncheckedIOException(new IOException("Could not make " + file + " readable by its owner alone"));
        }
    }
}
