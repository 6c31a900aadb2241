package dev.opateams.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * Decides whether a Java type fits a spec schema, with the mapping that
 * openapi-generator 7.25.0 uses for the java and jaxrs-spec generators.
 */
final class SchemaTypes {

  private static final String COMPONENT_PREFIX = "#/components/schemas/";

  private final OpenAPI spec;

  SchemaTypes(OpenAPI spec) {
    this.spec = spec;
  }

  /** Returns the component name of a {@code $ref} schema, or of an {@code allOf} with that single reference. */
  static String referencedName(Schema<?> schema) {
    if (schema == null) {
      return null;
    }
    if (schema.get$ref() != null) {
      String ref = schema.get$ref();
      return ref.startsWith(COMPONENT_PREFIX) ? ref.substring(COMPONENT_PREFIX.length()) : ref;
    }
    if (schema.getAllOf() != null && schema.getAllOf().size() == 1 && schema.getProperties() == null) {
      return referencedName(schema.getAllOf().get(0));
    }
    return null;
  }

  /** Returns the component schema a reference points to, or the schema itself. */
  Schema<?> resolve(Schema<?> schema) {
    String name = referencedName(schema);
    if (name == null) {
      return schema;
    }
    Schema<?> target = component(name);
    return target == null ? schema : target;
  }

  Schema<?> component(String name) {
    Map<String, Schema> schemas = spec.getComponents() == null ? null : spec.getComponents().getSchemas();
    return schemas == null ? null : schemas.get(name);
  }

  /** Returns the schema's type, also for OpenAPI 3.1 style {@code types}. */
  static String typeOf(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    if (schema.getTypes() != null && schema.getTypes().size() == 1) {
      return schema.getTypes().iterator().next();
    }
    return null;
  }

  /** Returns a short description of a schema for messages, such as {@code integer/int32} or {@code array of Role}. */
  String describe(Schema<?> schema) {
    String name = referencedName(schema);
    if (name != null) {
      return name;
    }
    String type = typeOf(schema);
    if ("array".equals(type)) {
      return "array of " + describe(schema.getItems());
    }
    if ("object".equals(type) && schema.getAdditionalProperties() instanceof Schema<?> values) {
      return "map of " + describe(values);
    }
    if (schema.getFormat() != null) {
      return type + "/" + schema.getFormat();
    }
    return String.valueOf(type);
  }

  /** Returns a Java type as source code writes it, with simple class names. */
  static String describe(Type type) {
    if (type instanceof Class<?> cls) {
      return cls.isArray() ? describe(cls.getComponentType()) + "[]" : nestedName(cls);
    }
    if (type instanceof ParameterizedType parameterized) {
      return describe(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
          .map(SchemaTypes::describe)
          .collect(Collectors.joining(", ", "<", ">"));
    }
    return type.getTypeName();
  }

  private static String nestedName(Class<?> cls) {
    return cls.getEnclosingClass() == null ? cls.getSimpleName() : nestedName(cls.getEnclosingClass()) + "." + cls.getSimpleName();
  }

  /** Returns the value type of a {@code JsonNullable<T>}, or the type itself. */
  static Type unwrapNullable(Type type) {
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == JsonNullable.class) {
      return parameterized.getActualTypeArguments()[0];
    }
    return type;
  }

  static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> cls) {
      return cls;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }

  /**
   * Returns whether a Java type fits a schema. An inline string enum fits
   * {@code String} and, in a model, the nested enum class that the java
   * generator writes for it.
   */
  boolean fits(Schema<?> schema, Type javaType) {
    String name = referencedName(schema);
    if (name != null) {
      return javaType instanceof Class<?> cls && cls.getSimpleName().equals(name);
    }
    String type = typeOf(schema);
    Class<?> raw = rawClass(javaType);
    if (type == null) {
      return raw == Object.class;
    }
    String format = schema.getFormat();
    switch (type) {
      case "string":
        if ("uuid".equals(format)) {
          return raw == UUID.class;
        }
        if ("date-time".equals(format)) {
          return raw == OffsetDateTime.class;
        }
        if ("date".equals(format)) {
          return raw == LocalDate.class;
        }
        if ("byte".equals(format)) {
          return raw == byte[].class;
        }
        if ("binary".equals(format)) {
          return raw == File.class || raw == InputStream.class;
        }
        return raw == String.class || (schema.getEnum() != null && raw.isEnum());
      case "integer":
        return "int64".equals(format) ? raw == Long.class || raw == long.class : raw == Integer.class || raw == int.class;
      case "number":
        if ("float".equals(format)) {
          return raw == Float.class || raw == float.class;
        }
        if ("double".equals(format)) {
          return raw == Double.class || raw == double.class;
        }
        return raw == BigDecimal.class;
      case "boolean":
        return raw == Boolean.class || raw == boolean.class;
      case "array":
        return (raw == List.class || raw == Set.class || raw == Collection.class)
            && javaType instanceof ParameterizedType parameterized
            && fits(schema.getItems(), parameterized.getActualTypeArguments()[0]);
      case "object":
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
          return raw == Map.class && javaType instanceof ParameterizedType parameterized
              && parameterized.getActualTypeArguments()[0] == String.class
              && fits(values, parameterized.getActualTypeArguments()[1]);
        }
        return raw == Object.class || raw == Map.class;
      default:
        return false;
    }
  }
}
