package dev.opateams.contract;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the generated JAX-RS interfaces against the spec's operations by
 * reading their {@code jakarta.ws.rs} and bean validation annotations. The
 * path of a method is the class-level {@code @Path} joined with the
 * method-level one, as a JAX-RS runtime matches it.
 */
final class ServerOperationChecker {

  static final String SIDE = "server-stubs";

  private final SchemaTypes types;
  private final Map<String, Method> methodsByName = new LinkedHashMap<>();

  ServerOperationChecker(SchemaTypes types, List<Class<?>> apiInterfaces) {
    this.types = types;
    for (Class<?> api : apiInterfaces) {
      for (Method method : api.getDeclaredMethods()) {
        if (httpMethod(method) != null) {
          methodsByName.put(method.getName(), method);
        }
      }
    }
  }

  void checkExtraOperations(Set<String> operationIds, List<Mismatch> out) {
    for (Map.Entry<String, Method> entry : methodsByName.entrySet()) {
      if (!operationIds.contains(entry.getKey())) {
        out.add(new Mismatch(entry.getKey(), "operation", "server-stubs method "
            + entry.getValue().getDeclaringClass().getSimpleName() + "." + entry.getKey()
            + " has no operation in the spec"));
      }
    }
  }

  void check(SpecOperation operation, List<Mismatch> out) {
    Method method = methodsByName.get(operation.id());
    if (method == null) {
      out.add(new Mismatch(operation.id(), "operation", "no server-stubs method " + operation.id()));
      return;
    }
    String label = SIDE + " " + method.getName();
    String httpMethod = httpMethod(method);
    if (!operation.method().equals(httpMethod)) {
      out.add(new Mismatch(operation.id(), "method", "spec " + operation.method() + ", " + label + " " + httpMethod));
    }
    Path classPath = method.getDeclaringClass().getAnnotation(Path.class);
    Path methodPath = method.getAnnotation(Path.class);
    String path = PathTemplates.join(classPath == null ? null : classPath.value(),
        methodPath == null ? null : methodPath.value());
    if (!operation.path().equals(path)) {
      out.add(new Mismatch(operation.id(), "path", "spec " + operation.path() + ", " + label + " " + path));
    }

    Map<String, Integer> serverParameters = new LinkedHashMap<>();
    Integer bodyIndex = null;
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      String key = wireKey(annotations[i]);
      if (key == null) {
        bodyIndex = i;
      } else if (!key.isEmpty()) {
        serverParameters.put(key, i);
      }
    }

    for (Parameter parameter : operation.parameters()) {
      String element = parameter.getIn() + "." + parameter.getName();
      Integer index = serverParameters.remove(key(parameter.getIn(), parameter.getName()));
      if (index == null) {
        out.add(new Mismatch(operation.id(), element, "missing in " + label));
        continue;
      }
      boolean required = Boolean.TRUE.equals(parameter.getRequired());
      checkParameter(operation, element, parameter.getSchema(), required, !"path".equals(parameter.getIn()),
          method, index, label, out);
    }
    for (String extra : serverParameters.keySet()) {
      out.add(new Mismatch(operation.id(), extra, "in " + label + " but not in the spec"));
    }

    Schema<?> bodySchema = operation.requestSchema();
    if (bodySchema == null && bodyIndex != null) {
      out.add(new Mismatch(operation.id(), "body", "spec no request body, " + label + " "
          + SchemaTypes.describe(method.getGenericParameterTypes()[bodyIndex])));
    } else if (bodySchema != null && bodyIndex == null) {
      out.add(new Mismatch(operation.id(), "body", "missing in " + label));
    } else if (bodySchema != null) {
      checkParameter(operation, "body", bodySchema, operation.requestBodyRequired(), true, method, bodyIndex, label, out);
      if (!ClientOperationChecker.hasAnnotation(annotations[bodyIndex], Valid.class)) {
        out.add(new Mismatch(operation.id(), "body", label
            + " has no @Valid, so the constraints inside the body are never checked"));
      }
    }

    Schema<?> success = operation.successSchema();
    Type returned = method.getGenericReturnType();
    boolean fits = success == null ? returned == void.class : types.fits(success, returned);
    if (!fits) {
      out.add(new Mismatch(operation.id(), "response", "spec "
          + (success == null ? "no response body" : types.describe(success)) + ", " + label + " returns "
          + SchemaTypes.describe(returned)));
    }
  }

  private void checkParameter(SpecOperation operation, String element, Schema<?> schema, boolean required,
      boolean checkNotNull, Method method, int index, String label, List<Mismatch> out) {
    Type type = method.getGenericParameterTypes()[index];
    if (!types.fits(schema, type)) {
      out.add(new Mismatch(operation.id(), element, "spec type " + types.describe(schema) + ", " + label + " "
          + SchemaTypes.describe(type)));
    }
    java.lang.reflect.Parameter parameter = method.getParameters()[index];
    boolean notNull = parameter.isAnnotationPresent(NotNull.class);
    if (checkNotNull && required != notNull) {
      out.add(new Mismatch(operation.id(), element, "spec required " + required + ", " + label
          + (notNull ? " @NotNull" : " without @NotNull")));
    }
    if (!"body".equals(element)) {
      for (String detail : BeanValidationConstraints.compare(types.resolve(schema), parameter, SIDE)) {
        out.add(new Mismatch(operation.id(), element, detail));
      }
    }
  }

  /** Returns {@code in.name} for a JAX-RS parameter, "" for a {@code @Context} one and null for the body. */
  private static String wireKey(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof PathParam path) {
        return key("path", path.value());
      }
      if (annotation instanceof QueryParam query) {
        return key("query", query.value());
      }
      if (annotation instanceof HeaderParam header) {
        return key("header", header.value());
      }
      if (annotation instanceof CookieParam cookie) {
        return key("cookie", cookie.value());
      }
      if (annotation instanceof Context) {
        return "";
      }
    }
    return null;
  }

  private static String key(String in, String name) {
    return "header".equals(in) ? in + "." + name.toLowerCase(Locale.ROOT) : in + "." + name;
  }

  static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (httpMethod != null) {
        return httpMethod.value();
      }
    }
    return null;
  }
}
