package org.pfptracker.http.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Who may call one endpoint. Every route of every pfp server is registered with one, so that none is
 * reachable without a decision.
 *
 * @param open whether anyone may call, with no token at all (health probes, documentation, sign-in)
 * @param test what an identified caller must satisfy
 * @param needs what the rule asks for, said in a 403
 */
public record AccessRule(boolean open, Predicate<Identity> test, String needs) {

    /** Anyone, identified or not; {@code why} documents the decision at the call site. */
    public static AccessRule open(String why) {
        return new AccessRule(true, identity -> true, "nothing (" + why + ")");
    }

    /** Any caller with a valid token. */
    public static AccessRule anyIdentity() {
        return new AccessRule(false, identity -> true, "a valid token");
    }

    /** A caller with any of these roles. */
    public static AccessRule anyOf(Role... roles) {
        Set<Role> allowed = EnumSet.copyOf(Arrays.asList(roles));
        return new AccessRule(false, identity -> allowed.stream().anyMatch(identity::has),
                "the role " + allowed.stream().map(Role::claimValue).collect(Collectors.joining(" or ")));
    }

    /**
     * A caller who reads some partner's views: staff, or a partner reader bound to a partner. Which
     * partner is the endpoint's own check ({@link Identity#reads}).
     */
    public static AccessRule partnerReader() {
        return new AccessRule(false, Identity::readsPartners, "the role " + Role.STAFF_READER.claimValue() + ", or "
                + Role.PARTNER_READER.claimValue() + " with a partner claim");
    }

    public boolean allows(Identity identity) {
        return open || test.test(identity);
    }
}
