package dev.opateams.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites, in a parsed copy of the spec that only the traffic validator
 * uses, each property of the form
 *
 * <pre>
 * cloud_provider:
 *   allOf:
 *     - $ref: '#/components/schemas/CloudProvider'
 *   nullable: true
 * </pre>
 *
 * <p>into an inline string enum with the same values plus {@code null}.
 *
 * <p>The spec uses this form for the nullable enum properties of
 * {@code Server}, and its own examples send {@code null} there. OpenAPI
 * 3.0.3 states that {@code nullable} has no effect unless {@code type} is in
 * the same schema object, so a strict validator rejects that {@code null}.
 * The spec keeps the form because openapi-generator 7.25.0 turns it into a
 * {@code JsonNullable} of the shared enum type; the 3.0.3-strict
 * alternative, an {@code anyOf} with a null-only schema, makes it generate a
 * separate inline enum class instead. Only this exact pattern is rewritten.
 */
final class NullableEnumReferences {

  private NullableEnumReferences() {
  }

  static void inline(OpenAPI spec) {
    if (spec.getComponents() == null || spec.getComponents().getSchemas() == null) {
      return;
    }
    SchemaTypes types = new SchemaTypes(spec);
    for (Schema<?> schema : spec.getComponents().getSchemas().values()) {
      rewrite(schema, types);
      if (schema.getAllOf() != null) {
        schema.getAllOf().forEach(part -> rewrite(part, types));
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void rewrite(Schema<?> schema, SchemaTypes types) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null) {
      return;
    }
    for (Map.Entry<String, Schema> entry : properties.entrySet()) {
      Schema<?> property = entry.getValue();
      boolean wrapsOneReference = property.getAllOf() != null && property.getAllOf().size() == 1
          && property.getAllOf().get(0).get$ref() != null;
      if (!Boolean.TRUE.equals(property.getNullable()) || !wrapsOneReference) {
        continue;
      }
      Schema<?> target = types.resolve(property.getAllOf().get(0));
      if (target.getEnum() == null || !"string".equals(SchemaTypes.typeOf(target))) {
        continue;
      }
      List<Object> values = new ArrayList<>(target.getEnum());
      values.add(null);
      Schema inline = new Schema<>();
      inline.setType("string");
      inline.setNullable(true);
      inline.setEnum(values);
      inline.setDescription(property.getDescription());
      entry.setValue(inline);
    }
  }
}
