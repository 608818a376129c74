package org.pfptracker.registry.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Answer to {@code POST /compatibility/subjects/{subject}/versions/{version}}.
 *
 * @param isCompatible whether the schema passes the subject's compatibility level
 * @param messages     why not, only with {@code ?verbose=true}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompatibilityCheckResponse(@JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {
}
