package org.pfptracker.kafka.embedded.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a cluster's ACLs for pfp-tracker's principals exactly those of an {@link AccessPolicy}:
 * creates the missing ones and deletes those of the same principals that the policy no longer
 * grants, so that applying a changed policy also takes rights away. ACLs of other principals are
 * left alone. Idempotent: applying the same policy again changes nothing.
 *
 * <pre>{@code
 * try (Admin admin = Admin.create(adminConfig)) {   // as KafkaPrincipal.ADMIN, a super-user
 *     AclReconciler.apply(admin, AccessPolicy.standard(), Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class AclReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(AclReconciler.class);

    /** What {@link #apply} changed. */
    public record Changes(List<AclBinding> created, List<AclBinding> deleted) {

        public Changes {
            created = List.copyOf(created);
            deleted = List.copyOf(deleted);
        }
    }

    private AclReconciler() {
    }

    /**
     * Applies {@code policy} and returns once the broker that answers {@code admin} enforces it.
     * Other brokers of a larger cluster follow from the metadata log within moments.
     *
     * @throws IllegalStateException if Kafka refuses a change (e.g. the admin is not a super-user)
     *         or does not enforce the policy within {@code timeout}
     */
    public static Changes apply(Admin admin, AccessPolicy policy, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> managed = Arrays.stream(KafkaPrincipal.values())
                .map(KafkaPrincipal::principal)
                .collect(Collectors.toSet());
        Set<AclBinding> wanted = new LinkedHashSet<>(policy.aclBindings());
        Set<AclBinding> present = managedBindings(admin, managed, timeout);

        List<AclBinding> stale = present.stream().filter(binding -> !wanted.contains(binding)).toList();
        List<AclBinding> missing = wanted.stream().filter(binding -> !present.contains(binding)).toList();
        if (!stale.isEmpty()) {
            AdminCalls.await(admin.deleteAcls(stale.stream().map(AclBinding::toFilter).toList()).all(), timeout,
                    "delete " + stale.size() + " ACLs the policy no longer grants");
        }
        if (!missing.isEmpty()) {
            AdminCalls.await(admin.createAcls(missing).all(), timeout, "create " + missing.size() + " ACLs");
        }
        // The controller has committed the change; the broker's authorizer applies it a moment later.
        AdminCalls.awaitTrue(() -> enforced(managedBindings(admin, managed, timeout), wanted), deadline,
                () -> "Kafka enforces the access policy's " + wanted.size() + " ACLs");
        Changes changes = new Changes(missing, stale);
        LOG.info("Access policy applied: {} ACLs created, {} deleted, {} in force", missing.size(), stale.size(),
                wanted.size());
        return changes;
    }

    private static boolean enforced(Collection<AclBinding> present, Set<AclBinding> wanted) {
        return present.size() == wanted.size() && present.containsAll(wanted);
    }

    private static Set<AclBinding> managedBindings(Admin admin, Set<String> managed, Duration timeout) {
        Collection<AclBinding> all =
                AdminCalls.await(admin.describeAcls(AclBindingFilter.ANY).values(), timeout, "describe ACLs");
        return all.stream()
                .filter(binding -> managed.contains(binding.entry().principal()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
