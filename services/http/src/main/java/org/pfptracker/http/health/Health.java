package org.pfptracker.http.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code /health/live} and {@code /health/ready}, the same on every pfp server, so one probe
 * configuration and one dashboard panel fit them all.
 *
 * @param status {@link #UP} or {@link #DOWN}; the HTTP status says the same (200 or 503)
 * @param detail why it is down, or what it holds when up; {@code null} when there is nothing to say
 * @param checks what was looked at, by name (a Kafka Streams state, a count of partners known)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Health(String status, String detail, Map<String, Object> checks) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public Health {
        Objects.requireNonNull(status, "status");
        checks = checks == null ? null : Map.copyOf(checks);
    }

    public static Health up(String detail, Map<String, Object> checks) {
        return new Health(UP, detail, checks);
    }

    public static Health down(String detail, Map<String, Object> checks) {
        return new Health(DOWN, detail, checks);
    }

    /** Whether the status is {@link #UP}; not a member of the body. */
    @JsonIgnore
    public boolean isUp() {
        return UP.equals(status);
    }
}
