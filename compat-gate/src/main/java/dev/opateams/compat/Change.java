package dev.opateams.compat;

import java.util.Objects;

/**
 * One difference between the baseline and the current API.
 *
 * @param layer where the change was found: the OpenAPI spec or the generated Java API
 * @param severity the classification of the change
 * @param rule a stable identifier of the rule that matched, for example {@code parameter-removed}
 * @param location the operationId or Java type, followed by the parameter, response or JSON pointer
 * @param reason one line that states what changed and whom it affects
 */
public record Change(Layer layer, Severity severity, String rule, String location, String reason) {

    /** The part of the API in which a change was found. */
    public enum Layer {
        /** The OpenAPI document. */
        SPEC,
        /** The Java classes generated from it, and hand-written classes in the same jars. */
        JAVA
    }

    public Change {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }
}
