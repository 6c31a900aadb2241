package dev.opateams.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * Checks the generated client and server models against the component
 * schemas that the spec's operations use.
 *
 * <p>A model property is a getter with {@code @JsonProperty}. For a nullable
 * property the generator writes two getters: {@code getX_JsonNullable()}
 * carries {@code @JsonProperty} and returns {@code JsonNullable<T>}, and
 * {@code getX()} carries {@code @JsonIgnore} and the bean validation
 * annotations. The checker reads the name and the requiredness from the
 * first and the constraints from the second.
 */
final class ModelChecker {

  /** The client's model package also contains this support class, which has no schema. */
  private static final Set<String> CLIENT_SUPPORT_CLASSES = Set.of("ApiResponse");
  private static final String JSON_NULLABLE_SUFFIX = "_JsonNullable";
  private static final String UNKNOWN_ENUM_VALUE = "unknown_default_open_api";

  private final OpenAPI spec;
  private final SchemaTypes types;
  private final ModelSide client;
  private final ModelSide server;

  /** One side's model package. */
  record ModelSide(String name, String modelPackage, ClassLoader loader) {
    Class<?> find(String schemaName) {
      try {
        return Class.forName(modelPackage + "." + schemaName, false, loader);
      } catch (ClassNotFoundException e) {
        return null;
      }
    }
  }

  /** A JSON property of a model class. */
  private record JavaProperty(String jsonName, Method annotatedGetter, Method valueGetter, Type valueType,
      boolean required, boolean jsonNullable) {
  }

  ModelChecker(OpenAPI spec, SchemaTypes types, ModelSide client, ModelSide server) {
    this.spec = spec;
    this.types = types;
    this.client = client;
    this.server = server;
  }

  void check(List<SpecOperation> operations, List<Mismatch> out) {
    for (String name : usedSchemas(operations)) {
      Schema<?> schema = types.component(name);
      if (schema == null) {
        out.add(new Mismatch(name, "schema", "referenced but not defined in the spec"));
      } else if (schema.getEnum() != null) {
        checkEnumClass(name, schema, client, out);
        checkEnumClass(name, schema, server, out);
      } else {
        checkModel(name, schema, client, out);
        checkModel(name, schema, server, out);
      }
    }
    checkExtraClasses(client, out);
    checkExtraClasses(server, out);
  }

  /** Returns the names of the component schemas that operations use, directly or through other schemas. */
  Set<String> usedSchemas(List<SpecOperation> operations) {
    Set<String> used = new LinkedHashSet<>();
    for (SpecOperation operation : operations) {
      for (Parameter parameter : operation.parameters()) {
        collect(parameter.getSchema(), used);
      }
      collect(operation.requestSchema(), used);
      for (ApiResponse response : operation.responses().values()) {
        collect(SpecOperation.jsonSchema(response.getContent()), used);
      }
    }
    return used;
  }

  private void collect(Schema<?> schema, Set<String> used) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = SchemaTypes.referencedName(schema);
      if (used.add(name)) {
        collect(types.component(name), used);
      }
      return;
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(property -> collect(property, used));
    }
    collect(schema.getItems(), used);
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      collect(values, used);
    }
    for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
      if (parts != null) {
        parts.forEach(part -> collect(part, used));
      }
    }
    if (schema.getDiscriminator() != null && schema.getDiscriminator().getMapping() != null) {
      for (String ref : schema.getDiscriminator().getMapping().values()) {
        collect(new Schema<>().$ref(ref), used);
      }
    }
  }

  private void checkEnumClass(String name, Schema<?> schema, ModelSide side, List<Mismatch> out) {
    Class<?> type = side.find(name);
    if (type == null || !type.isEnum()) {
      out.add(new Mismatch(name, "schema", "no " + side.name() + " enum " + side.modelPackage() + "." + name));
      return;
    }
    checkEnumValues(name, "enum", schema, type, side, out);
  }

  private void checkEnumValues(String subject, String element, Schema<?> schema, Class<?> enumType, ModelSide side,
      List<Mismatch> out) {
    Set<String> specValues = new TreeSet<>();
    schema.getEnum().forEach(value -> specValues.add(String.valueOf(value)));
    Set<String> javaValues = enumValues(enumType);
    for (String value : specValues) {
      if (!javaValues.contains(value)) {
        out.add(new Mismatch(subject, element, "value " + value + " missing in " + side.name()
            + " " + SchemaTypes.describe(enumType)));
      }
    }
    for (String value : javaValues) {
      if (!specValues.contains(value)) {
        out.add(new Mismatch(subject, element, "value " + value + " in " + side.name() + " "
            + SchemaTypes.describe(enumType) + " but not in the spec"));
      }
    }
  }

  /** Returns the wire values of a generated enum, without the client's fallback for unknown values. */
  private static Set<String> enumValues(Class<?> enumType) {
    Set<String> values = new TreeSet<>();
    for (Object constant : enumType.getEnumConstants()) {
      String value;
      try {
        value = String.valueOf(enumType.getMethod("getValue").invoke(constant));
      } catch (ReflectiveOperationException e) {
        value = constant.toString();
      }
      if (!UNKNOWN_ENUM_VALUE.equals(value)) {
        values.add(value);
      }
    }
    return values;
  }

  private void checkModel(String name, Schema<?> schema, ModelSide side, List<Mismatch> out) {
    Class<?> type = side.find(name);
    if (type == null) {
      out.add(new Mismatch(name, "schema", "no " + side.name() + " class " + side.modelPackage() + "." + name));
      return;
    }
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    collectProperties(schema, properties, required);
    Map<String, JavaProperty> javaProperties = javaProperties(type);

    for (Map.Entry<String, Schema<?>> entry : properties.entrySet()) {
      String jsonName = entry.getKey();
      Schema<?> property = entry.getValue();
      JavaProperty javaProperty = javaProperties.remove(jsonName);
      if (javaProperty == null) {
        out.add(new Mismatch(name, jsonName, "missing in " + side.name() + " " + type.getSimpleName()));
        continue;
      }
      checkProperty(name, jsonName, property, required.contains(jsonName), javaProperty, side, out);
    }
    for (String extra : javaProperties.keySet()) {
      out.add(new Mismatch(name, extra, "in " + side.name() + " " + type.getSimpleName() + " but not in the spec"));
    }
  }

  private void checkProperty(String schemaName, String jsonName, Schema<?> property, boolean required,
      JavaProperty javaProperty, ModelSide side, List<Mismatch> out) {
    String label = side.name() + " " + javaProperty.annotatedGetter().getDeclaringClass().getSimpleName();
    if (!types.fits(property, javaProperty.valueType())) {
      out.add(new Mismatch(schemaName, jsonName, "spec type " + types.describe(property) + ", " + label + " "
          + SchemaTypes.describe(javaProperty.valueType())));
    }
    Class<?> raw = SchemaTypes.rawClass(javaProperty.valueType());
    if (property.getEnum() != null && raw.isEnum()) {
      checkEnumValues(schemaName, jsonName, property, raw, side, out);
    }
    if (required != javaProperty.required()) {
      out.add(new Mismatch(schemaName, jsonName, "spec required " + required + ", " + label
          + " @JsonProperty(required = " + javaProperty.required() + ")"));
    }
    boolean nullable = isNullable(property);
    if (nullable && !required && !javaProperty.jsonNullable()) {
      out.add(new Mismatch(schemaName, jsonName, "spec nullable and optional, " + label
          + " is not JsonNullable, so an absent value and null cannot be told apart"));
    }
    if (side.name().equals(ServerOperationChecker.SIDE)) {
      checkServerValidation(schemaName, jsonName, property, required, javaProperty, label, out);
    }
  }

  private void checkServerValidation(String schemaName, String jsonName, Schema<?> property, boolean required,
      JavaProperty javaProperty, String label, List<Mismatch> out) {
    Method getter = javaProperty.valueGetter();
    boolean readOnly = Boolean.TRUE.equals(property.getReadOnly());
    boolean notNull = getter.isAnnotationPresent(NotNull.class);
    // The generator leaves @NotNull off required read-only properties: a client never sends them.
    boolean expectNotNull = required && !readOnly;
    if (expectNotNull != notNull) {
      out.add(new Mismatch(schemaName, jsonName, "spec required " + required + (readOnly ? " and readOnly" : "")
          + ", " + label + (notNull ? " @NotNull" : " without @NotNull")));
    }
    for (String detail : BeanValidationConstraints.compare(constraintSchema(property), getter, ServerOperationChecker.SIDE)) {
      out.add(new Mismatch(schemaName, jsonName, detail));
    }
    if (needsCascade(property) && !getter.isAnnotationPresent(Valid.class)) {
      out.add(new Mismatch(schemaName, jsonName, label
          + " has no @Valid, so the constraints inside this property are never checked"));
    }
  }

  /** Returns the schema whose constraints apply: the component for a reference to a non-object schema. */
  private Schema<?> constraintSchema(Schema<?> property) {
    Schema<?> resolved = types.resolve(property);
    boolean isObject = resolved.getProperties() != null || resolved.getAllOf() != null || resolved.getEnum() != null;
    return property.get$ref() != null && !isObject ? resolved : property;
  }

  private boolean needsCascade(Schema<?> property) {
    Schema<?> target = "array".equals(SchemaTypes.typeOf(property)) ? property.getItems() : property;
    if (SchemaTypes.referencedName(target) == null) {
      return false;
    }
    Schema<?> resolved = types.resolve(target);
    return resolved.getEnum() == null;
  }

  private boolean isNullable(Schema<?> property) {
    if (Boolean.TRUE.equals(property.getNullable())) {
      return true;
    }
    if (property.get$ref() != null) {
      Schema<?> resolved = types.resolve(property);
      return Boolean.TRUE.equals(resolved.getNullable());
    }
    return false;
  }

  /** Collects the properties and required names of a schema, following allOf into the schemas it extends. */
  private void collectProperties(Schema<?> schema, Map<String, Schema<?>> properties, Set<String> required) {
    Schema<?> resolved = types.resolve(schema);
    if (resolved.getAllOf() != null) {
      for (Schema<?> part : resolved.getAllOf()) {
        collectProperties(part, properties, required);
      }
    }
    if (resolved.getProperties() != null) {
      resolved.getProperties().forEach((name, property) -> properties.put(name, property));
    }
    if (resolved.getRequired() != null) {
      required.addAll(resolved.getRequired());
    }
  }

  private static Map<String, JavaProperty> javaProperties(Class<?> type) {
    Map<String, JavaProperty> properties = new LinkedHashMap<>();
    for (Method method : type.getMethods()) {
      JsonProperty json = method.getAnnotation(JsonProperty.class);
      if (json == null || method.getParameterCount() != 0 || method.getReturnType() == void.class
          || json.value().isEmpty() || method.isBridge()) {
        continue;
      }
      boolean jsonNullable = method.getReturnType() == JsonNullable.class;
      Method valueGetter = method;
      if (jsonNullable && method.getName().endsWith(JSON_NULLABLE_SUFFIX)) {
        String plainName = method.getName().substring(0, method.getName().length() - JSON_NULLABLE_SUFFIX.length());
        try {
          valueGetter = type.getMethod(plainName);
        } catch (NoSuchMethodException e) {
          valueGetter = method;
        }
      }
      properties.put(json.value(), new JavaProperty(json.value(), method, valueGetter,
          SchemaTypes.unwrapNullable(method.getGenericReturnType()), json.required(), jsonNullable));
    }
    return properties;
  }

  private void checkExtraClasses(ModelSide side, List<Mismatch> out) {
    Set<String> components = spec.getComponents() == null || spec.getComponents().getSchemas() == null
        ? Set.of() : spec.getComponents().getSchemas().keySet();
    List<String> extras = new ArrayList<>();
    for (Class<?> type : PackageClasses.list(side.modelPackage(), side.loader())) {
      String name = type.getSimpleName();
      boolean support = side.name().equals(ClientOperationChecker.SIDE) && CLIENT_SUPPORT_CLASSES.contains(name);
      if (!support && !components.contains(name)) {
        extras.add(name);
      }
    }
    for (String extra : extras) {
      out.add(new Mismatch(extra, "schema", side.name() + " class " + side.modelPackage() + "." + extra
          + " has no schema in the spec"));
    }
  }
}
