package org.pfptracker.registry.serde;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro instantiate classes of more packages when decoding. Avro 1.12.2 refuses every class
 * outside a built-in list and the {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property
 * (a SecurityException "Forbidden ... not trusted"), so that a crafted writer schema cannot make a
 * reader load arbitrary classes. Setting the property needs control of the JVM's command line; this
 * does the same from code or from the serde key {@code avro.trusted.packages}.
 *
 * <p>Avro holds one predicate for the whole JVM, so trust is JVM-wide and is never withdrawn. Ours is
 * installed once, beside whatever predicate was in place then; later calls only add packages.
 */
public final class AvroTrustedPackages {

    private static final Set<String> PREFIXES = new CopyOnWriteArraySet<>();
    private static boolean installed;

    private AvroTrustedPackages() {
    }

    /**
     * Trusts the classes of these packages and their sub-packages, e.g. {@code com.example.events}.
     */
    public static void trust(Collection<String> packages) {
        for (String name : packages) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                PREFIXES.add(trimmed.endsWith(".") ? trimmed : trimmed + ".");
            }
        }
        if (!PREFIXES.isEmpty()) {
            installOnce();
        }
    }

    /** Whether Avro currently trusts the class, by any rule. */
    public static boolean isTrusted(Class<?> type) {
        return ClassSecurityValidator.getGlobal().isTrusted(type);
    }

    private static synchronized void installOnce() {
        if (installed) {
            return;
        }
        ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityPredicate ours = type -> PREFIXES.stream().anyMatch(type.getName()::startsWith);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, ours));
        installed = true;
    }
}
