package dev.opateams.compat;

import static dev.opateams.compat.Severity.BREAKING;
import static dev.opateams.compat.Severity.COMPATIBLE;
import static dev.opateams.compat.Severity.WARNING;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedNumericRange;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * Classifies the schema part of an openapi-diff result. Each rule depends on the
 * {@link Direction}: what clients send may only get wider, and what they receive may only get
 * narrower.
 */
final class SchemaRules {

    private final List<Change> changes;

    SchemaRules(List<Change> changes) {
        this.changes = changes;
    }

    /**
     * Adds the changes found in {@code schema} and below it.
     *
     * @param where the operation and the parameter, body or header that contains the schema
     * @param pointer the JSON pointer of {@code schema} inside that holder, empty at its root
     */
    void classify(String where, String pointer, ChangedSchema schema, Direction direction) {
        // A recursive schema can make the tree cyclic, so the walk skips a schema it is already inside.
        walk(where, pointer, schema, direction, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void walk(String where, String pointer, ChangedSchema schema, Direction direction,
            Set<ChangedSchema> visiting) {
        if (schema == null || !visiting.add(schema)) {
            return;
        }
        String location = pointer.isEmpty() ? where : where + " #" + pointer;
        Schema<?> oldSchema = schema.getOldSchema();
        Schema<?> newSchema = schema.getNewSchema();

        if (schema.isChangedType() || schema.isChangeFormat()) {
            // openapi-diff sets changedType for a new format too, so the rule compares the types itself.
            boolean sameType = oldSchema != null && newSchema != null
                    && Objects.equals(oldSchema.getType(), newSchema.getType())
                    && oldSchema.getClass() == newSchema.getClass();
            add(BREAKING, sameType ? "format-changed" : "type-changed", location,
                    "type changed from " + describeType(oldSchema) + " to " + describeType(newSchema)
                            + ": existing clients and servers read and write the old one");
        }
        classifyNullable(location, oldSchema, newSchema, direction);
        classifyEnum(location, schema.getEnumeration(), direction);
        classifyProperties(where, pointer, schema, direction, visiting);
        classifyRequired(location, schema, direction);
        classifyLengthLimits(location, schema, direction);
        classifyNumericRange(location, schema.getNumericRange(), direction);
        classifyPattern(location, oldSchema, newSchema, direction);
        classifyOneOf(where, pointer, schema.getOneOfSchema(), direction, visiting);
        if (schema.isChangeDefault()) {
            add(WARNING, "default-changed", location, "default value changed from "
                    + (oldSchema == null ? null : oldSchema.getDefault()) + " to "
                    + (newSchema == null ? null : newSchema.getDefault())
                    + ": callers that leave the value out get a different behaviour");
        }
        if (schema.isChangeDeprecated()) {
            add(COMPATIBLE, "schema-deprecated", location, "deprecated flag changed");
        }
        if (OperationRules.isDifferent(schema.getDescription()) || schema.isChangeTitle()
                || OperationRules.isDifferent(schema.getExample()) || OperationRules.isDifferent(schema.getExamples())) {
            add(COMPATIBLE, "documentation-changed", location, "description, title or example changed");
        }

        walk(where, pointer + "/items", schema.getItems(), direction, visiting);
        walk(where, pointer + "/additionalProperties", schema.getAddProp(), direction, visiting);
        visiting.remove(schema);
    }

    private void classifyNullable(String location, Schema<?> oldSchema, Schema<?> newSchema, Direction direction) {
        boolean wasNullable = oldSchema != null && Boolean.TRUE.equals(oldSchema.getNullable());
        boolean isNullable = newSchema != null && Boolean.TRUE.equals(newSchema.getNullable());
        if (wasNullable == isNullable) {
            return;
        }
        if (direction == Direction.RESPONSE && isNullable) {
            add(BREAKING, "response-property-made-nullable", location,
                    "value may now be null: clients that dereference it fail");
        } else if (direction == Direction.REQUEST && !isNullable) {
            add(BREAKING, "request-property-made-not-nullable", location,
                    "null is no longer accepted: clients that send null get 400");
        } else {
            add(COMPATIBLE, "nullable-changed", location,
                    direction == Direction.REQUEST ? "null is now accepted" : "value is no longer null");
        }
    }

    private void classifyEnum(String location, ChangedEnum<?> enumeration, Direction direction) {
        if (enumeration == null) {
            return;
        }
        for (Object value : enumeration.getMissing()) {
            if (direction == Direction.REQUEST) {
                add(BREAKING, "request-enum-value-removed", location,
                        "enum value " + value + " removed: clients that send it get 400");
            } else {
                add(COMPATIBLE, "response-enum-value-removed", location,
                        "enum value " + value + " is no longer returned");
            }
        }
        for (Object value : enumeration.getIncreased()) {
            if (direction == Direction.REQUEST) {
                add(COMPATIBLE, "request-enum-value-added", location, "new accepted enum value " + value);
            } else {
                add(WARNING, "response-enum-value-added", location, "new enum value " + value
                        + " may be returned: strict clients that reject unknown values fail");
            }
        }
    }

    private void classifyProperties(String where, String pointer, ChangedSchema schema, Direction direction,
            Set<ChangedSchema> visiting) {
        List<String> newRequired = requiredOf(schema.getNewSchema());
        // openapi-diff leaves readOnly properties out of requests, so they never reach this rule.
        for (String name : schema.getIncreasedProperties().keySet()) {
            String propertyLocation = where + " #" + pointer + "/properties/" + escape(name);
            if (direction == Direction.REQUEST && newRequired.contains(name)) {
                add(BREAKING, "required-request-property-added", propertyLocation,
                        "new required request property: existing clients do not send it");
            } else if (direction == Direction.REQUEST) {
                add(COMPATIBLE, "optional-request-property-added", propertyLocation, "new optional request property");
            } else {
                add(COMPATIBLE, "response-property-added", propertyLocation, "new response property");
            }
        }
        for (String name : schema.getMissingProperties().keySet()) {
            String propertyLocation = where + " #" + pointer + "/properties/" + escape(name);
            if (direction == Direction.RESPONSE) {
                add(BREAKING, "response-property-removed", propertyLocation,
                        "response property removed: clients that read it get nothing");
            } else {
                add(WARNING, "request-property-removed", propertyLocation,
                        "request property removed: clients still send it, and servers that reject unknown"
                                + " properties fail them");
            }
        }
        for (Map.Entry<String, ChangedSchema> entry : schema.getChangedProperties().entrySet()) {
            walk(where, pointer + "/properties/" + escape(entry.getKey()), entry.getValue(), direction, visiting);
        }
    }

    private void classifyRequired(String location, ChangedSchema schema, Direction direction) {
        ChangedRequired required = schema.getRequired();
        if (required == null) {
            return;
        }
        String base = location.contains(" #") ? location : location + " #";
        for (String name : required.getIncreased()) {
            if (schema.getIncreasedProperties().containsKey(name)) {
                continue; // reported as a new property
            }
            if (direction == Direction.REQUEST) {
                add(BREAKING, "request-property-made-required", base + "/properties/" + escape(name),
                        "request property changed from optional to required: clients that leave it out get 400");
            } else {
                add(COMPATIBLE, "response-property-made-required", base + "/properties/" + escape(name),
                        "response property is now always present");
            }
        }
        for (String name : required.getMissing()) {
            if (schema.getMissingProperties().containsKey(name)) {
                continue; // reported as a removed property
            }
            if (direction == Direction.RESPONSE) {
                add(BREAKING, "response-property-made-optional", base + "/properties/" + escape(name),
                        "response property changed from required to optional: clients that rely on it may get nothing");
            } else {
                add(WARNING, "request-property-made-optional", base + "/properties/" + escape(name),
                        "request property changed from required to optional: server implementations may now get no value");
            }
        }
    }

    private void classifyLengthLimits(String location, ChangedSchema schema, Direction direction) {
        if (schema.getMaxLength() != null && schema.getMaxLength().isChanged().isDifferent()) {
            classifyUpperLimit(location, "maxLength", schema.getMaxLength().getOldValue(),
                    schema.getMaxLength().getNewValue(), direction);
        }
        if (schema.getMinLength() != null && schema.getMinLength().isChanged().isDifferent()) {
            classifyLowerLimit(location, "minLength", schema.getMinLength().getOldValue(),
                    schema.getMinLength().getNewValue(), direction);
        }
        if (schema.getMaxItems() != null && schema.getMaxItems().isChanged().isDifferent()) {
            classifyUpperLimit(location, "maxItems", schema.getMaxItems().getOldValue(),
                    schema.getMaxItems().getNewValue(), direction);
        }
        if (schema.getMinItems() != null && schema.getMinItems().isChanged().isDifferent()) {
            classifyLowerLimit(location, "minItems", schema.getMinItems().getOldValue(),
                    schema.getMinItems().getNewValue(), direction);
        }
    }

    private void classifyNumericRange(String location, ChangedNumericRange range, Direction direction) {
        if (range == null || !range.isChanged().isDifferent()) {
            return;
        }
        if (!Objects.equals(range.getOldMinimumValue(), range.getNewMinimumValue())
                || !Objects.equals(range.getOldMinimumExclusiveValue(), range.getNewMinimumExclusiveValue())) {
            classifyLowerLimit(location, "minimum",
                    effective(range.getOldMinimumValue(), range.getOldMinimumExclusiveValue(), 1),
                    effective(range.getNewMinimumValue(), range.getNewMinimumExclusiveValue(), 1), direction);
        }
        if (!Objects.equals(range.getOldMaximumValue(), range.getNewMaximumValue())
                || !Objects.equals(range.getOldMaximumExclusiveValue(), range.getNewMaximumExclusiveValue())) {
            classifyUpperLimit(location, "maximum",
                    effective(range.getOldMaximumValue(), range.getOldMaximumExclusiveValue(), -1),
                    effective(range.getNewMaximumValue(), range.getNewMaximumExclusiveValue(), -1), direction);
        }
    }

    /**
     * Approximates an exclusive bound by a bound nudged towards the allowed values, so that
     * {@code minimum: 1, exclusiveMinimum: true} compares as stricter than {@code minimum: 1}.
     */
    private static BigDecimal effective(BigDecimal bound, Boolean exclusive, int towardsAllowed) {
        if (bound == null || !Boolean.TRUE.equals(exclusive)) {
            return bound;
        }
        return bound.add(new BigDecimal("1E-9").multiply(BigDecimal.valueOf(towardsAllowed)));
    }

    private <T extends Comparable<T>> void classifyUpperLimit(String location, String keyword, T oldValue, T newValue,
            Direction direction) {
        boolean narrowed = newValue != null && (oldValue == null || newValue.compareTo(oldValue) < 0);
        classifyLimit(location, keyword, oldValue, newValue, narrowed, direction, narrowed ? "lowered" : "raised");
    }

    private <T extends Comparable<T>> void classifyLowerLimit(String location, String keyword, T oldValue, T newValue,
            Direction direction) {
        boolean narrowed = newValue != null && (oldValue == null || newValue.compareTo(oldValue) > 0);
        classifyLimit(location, keyword, oldValue, newValue, narrowed, direction, narrowed ? "raised" : "lowered");
    }

    private void classifyLimit(String location, String keyword, Object oldValue, Object newValue, boolean narrowed,
            Direction direction, String verb) {
        String change = keyword + " " + (oldValue == null || newValue == null
                ? (newValue == null ? "removed (was " + oldValue + ")" : "added (" + newValue + ")")
                : verb + " from " + oldValue + " to " + newValue);
        if (direction == Direction.REQUEST && narrowed) {
            add(BREAKING, "request-constraint-narrowed", location,
                    change + ": values that clients could send before are now rejected");
        } else if (direction == Direction.RESPONSE && !narrowed) {
            add(WARNING, "response-constraint-widened", location,
                    change + ": clients that validate responses may reject new values");
        } else {
            add(COMPATIBLE, direction == Direction.REQUEST ? "request-constraint-widened" : "response-constraint-narrowed",
                    location, change);
        }
    }

    private void classifyPattern(String location, Schema<?> oldSchema, Schema<?> newSchema, Direction direction) {
        String oldPattern = oldSchema == null ? null : oldSchema.getPattern();
        String newPattern = newSchema == null ? null : newSchema.getPattern();
        if (Objects.equals(oldPattern, newPattern)) {
            return;
        }
        String change = oldPattern == null ? "pattern " + newPattern + " added"
                : newPattern == null ? "pattern " + oldPattern + " removed"
                : "pattern changed from " + oldPattern + " to " + newPattern;
        // Two different patterns cannot be compared in general, so a changed pattern counts as narrowed.
        boolean narrowed = newPattern != null;
        if (direction == Direction.REQUEST && narrowed) {
            add(BREAKING, "request-constraint-narrowed", location,
                    change + ": values that clients could send before may now be rejected");
        } else if (direction == Direction.RESPONSE && oldPattern != null) {
            add(WARNING, "response-constraint-widened", location,
                    change + ": clients that validate responses may reject new values");
        } else {
            add(COMPATIBLE, direction == Direction.REQUEST ? "request-constraint-widened" : "response-constraint-narrowed",
                    location, change);
        }
    }

    private void classifyOneOf(String where, String pointer, ChangedOneOfSchema oneOf, Direction direction,
            Set<ChangedSchema> visiting) {
        if (oneOf == null) {
            return;
        }
        String location = pointer.isEmpty() ? where : where + " #" + pointer;
        for (String variant : oneOf.getMissing().keySet()) {
            add(direction == Direction.REQUEST ? BREAKING : COMPATIBLE, "oneof-variant-removed", location,
                    "oneOf variant " + variant + " removed"
                            + (direction == Direction.REQUEST ? ": clients that send it get 400" : ""));
        }
        for (String variant : oneOf.getIncreased().keySet()) {
            add(direction == Direction.REQUEST ? COMPATIBLE : WARNING, "oneof-variant-added", location,
                    "oneOf variant " + variant + " added"
                            + (direction == Direction.RESPONSE ? ": strict clients that reject unknown variants fail" : ""));
        }
        for (Map.Entry<String, ChangedSchema> entry : oneOf.getChanged().entrySet()) {
            walk(where, pointer + "/oneOf/" + escape(entry.getKey()), entry.getValue(), direction, visiting);
        }
    }

    private static List<String> requiredOf(Schema<?> schema) {
        return schema == null || schema.getRequired() == null ? List.of() : schema.getRequired();
    }

    private static String describeType(Schema<?> schema) {
        if (schema == null) {
            return "none";
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? String.join("|", schema.getTypes())
                : schema.getClass().getSimpleName().replace("Schema", "").toLowerCase(Locale.ROOT);
        return schema.getFormat() == null ? type : type + " (" + schema.getFormat() + ")";
    }

    /** Escapes a property name as a JSON pointer reference token (RFC 6901). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private void add(Severity severity, String rule, String location, String reason) {
        changes.add(new Change(Change.Layer.SPEC, severity, rule, location, reason));
    }
}
