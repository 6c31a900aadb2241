package dev.opateams.contract;

import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the spec's {@code minimum}, {@code maximum}, {@code minLength},
 * {@code maxLength}, {@code minItems}, {@code maxItems} and {@code pattern}
 * with the bean validation annotations on a parameter or getter.
 */
final class BeanValidationConstraints {

  private BeanValidationConstraints() {
  }

  /** Returns one detail line per constraint that differs, naming the side, such as {@code server-stubs}. */
  static List<String> compare(Schema<?> schema, AnnotatedElement element, String side) {
    List<String> details = new ArrayList<>();
    boolean isArray = "array".equals(SchemaTypes.typeOf(schema));

    String specMinimum = decimal(schema.getMinimum());
    String javaMinimum = javaMinimum(element);
    if (!Objects.equals(specMinimum, number(javaMinimum))) {
      details.add(describe("minimum", specMinimum, side, "@Min", javaMinimum));
    }
    String specMaximum = decimal(schema.getMaximum());
    String javaMaximum = javaMaximum(element);
    if (!Objects.equals(specMaximum, number(javaMaximum))) {
      details.add(describe("maximum", specMaximum, side, "@Max", javaMaximum));
    }

    Size size = element.getAnnotation(Size.class);
    Integer specMinSize = isArray ? schema.getMinItems() : schema.getMinLength();
    Integer specMaxSize = isArray ? schema.getMaxItems() : schema.getMaxLength();
    Integer javaMinSize = size == null || size.min() == 0 ? null : size.min();
    Integer javaMaxSize = size == null || size.max() == Integer.MAX_VALUE ? null : size.max();
    if (specMinSize != null && specMinSize == 0) {
      specMinSize = null;
    }
    String minSizeKeyword = isArray ? "minItems" : "minLength";
    String maxSizeKeyword = isArray ? "maxItems" : "maxLength";
    if (!Objects.equals(specMinSize, javaMinSize)) {
      details.add(describe(minSizeKeyword, text(specMinSize), side, "@Size(min)", text(javaMinSize)));
    }
    if (!Objects.equals(specMaxSize, javaMaxSize)) {
      details.add(describe(maxSizeKeyword, text(specMaxSize), side, "@Size(max)", text(javaMaxSize)));
    }

    Pattern pattern = element.getAnnotation(Pattern.class);
    String javaPattern = pattern == null ? null : pattern.regexp();
    if (!Objects.equals(schema.getPattern(), javaPattern)) {
      details.add(describe("pattern", schema.getPattern(), side, "@Pattern", javaPattern));
    }
    return details;
  }

  private static String javaMinimum(AnnotatedElement element) {
    Min min = element.getAnnotation(Min.class);
    if (min != null) {
      return Long.toString(min.value());
    }
    DecimalMin decimalMin = element.getAnnotation(DecimalMin.class);
    return decimalMin == null ? null : decimalMin.value();
  }

  private static String javaMaximum(AnnotatedElement element) {
    Max max = element.getAnnotation(Max.class);
    if (max != null) {
      return Long.toString(max.value());
    }
    DecimalMax decimalMax = element.getAnnotation(DecimalMax.class);
    return decimalMax == null ? null : decimalMax.value();
  }

  private static String describe(String keyword, String specValue, String side, String annotation, String javaValue) {
    String spec = specValue == null ? "spec no " + keyword : "spec " + keyword + " " + specValue;
    String java = javaValue == null ? side + " no " + annotation : side + " " + annotation + " " + javaValue;
    return spec + ", " + java;
  }

  private static String decimal(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  private static String number(String value) {
    return value == null ? null : decimal(new BigDecimal(value));
  }

  private static String text(Integer value) {
    return value == null ? null : value.toString();
  }
}
