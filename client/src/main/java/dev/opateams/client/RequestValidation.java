package dev.opateams.client;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a request body against the bean validation constraints that the generator put on the
 * model, before anything is sent. Messages name the JSON field, the allowed range and the value.
 */
final class RequestValidation {

  /** Built on first use: starting Hibernate Validator takes a noticeable moment. */
  private static final class Holder {
    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();
  }

  private RequestValidation() {
  }

  /**
   * Validates {@code body}.
   *
   * @throws IllegalArgumentException naming every invalid field, for example
   *     {@code Invalid updateTeamSettings request: client_session_duration must be between 3600
   *     and 90000, but was 10}
   */
  static void validate(Operation operation, Object body) {
    Set<ConstraintViolation<Object>> violations = Holder.VALIDATOR.validate(body);
    if (violations.isEmpty()) {
      return;
    }
    String problems = violations.stream()
        .map(violation -> describe(body.getClass(), violation))
        .sorted(Comparator.naturalOrder())
        .distinct()
        .collect(Collectors.joining("; "));
    throw new IllegalArgumentException(
        "Invalid " + operation.operationId() + " request: " + problems);
  }

  private static String describe(Class<?> type, ConstraintViolation<Object> violation) {
    String property = violation.getPropertyPath().toString();
    String field = jsonName(type, property);
    Object value = violation.getInvalidValue();
    Annotation failed = violation.getConstraintDescriptor().getAnnotation();
    PropertyDescriptor descriptor =
        Holder.VALIDATOR.getConstraintsForClass(type).getConstraintsForProperty(property);

    if (failed instanceof NotNull) {
      return field + " is required";
    }
    if (failed instanceof Min || failed instanceof Max) {
      Min min = find(descriptor, Min.class);
      Max max = find(descriptor, Max.class);
      if (min != null && max != null) {
        return field + " must be between " + min.value() + " and " + max.value() + ", but was "
            + value;
      }
      return field + " " + violation.getMessage() + ", but was " + value;
    }
    if (failed instanceof Size size) {
      int length = value instanceof CharSequence text ? text.length() : -1;
      String range = size.max() == Integer.MAX_VALUE
          ? "at least " + size.min()
          : size.min() == 0 ? "at most " + size.max() : size.min() + " to " + size.max();
      return field + " must be " + range + " characters long, but was " + length
          + " characters long";
    }
    return field + " " + violation.getMessage();
  }

  private static <A extends Annotation> A find(PropertyDescriptor descriptor, Class<A> type) {
    if (descriptor == null) {
      return null;
    }
    for (ConstraintDescriptor<?> constraint : descriptor.getConstraintDescriptors()) {
      if (type.isInstance(constraint.getAnnotation())) {
        return type.cast(constraint.getAnnotation());
      }
    }
    return null;
  }

  /**
   * Maps a Java property name to its JSON name through the generated {@code JSON_PROPERTY_...}
   * constant, for example {@code clientSessionDuration} to {@code client_session_duration}.
   */
  static String jsonName(Class<?> type, String property) {
    String constant = "JSON_PROPERTY_"
        + property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    try {
      return (String) type.getField(constant).get(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      return property;
    }
  }
}
