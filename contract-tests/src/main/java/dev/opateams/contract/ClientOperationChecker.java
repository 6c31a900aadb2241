package dev.opateams.contract;

import feign.Contract;
import feign.MethodMetadata;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the generated Feign client against the spec's operations. It reads
 * the interfaces with Feign's own {@link Contract.Default}, so it sees the
 * request templates that Feign builds requests from.
 *
 * <p>The generator writes up to four methods per operation: the plain one,
 * {@code ...WithHttpInfo}, and for operations with query parameters a
 * variant of each that takes a {@code @QueryMap} class. All four are views
 * of the same operation and each is checked on its own.
 */
final class ClientOperationChecker {

  static final String SIDE = "client";
  static final String WITH_HTTP_INFO = "WithHttpInfo";

  private final SchemaTypes types;
  private final Map<String, List<MethodMetadata>> viewsByOperation = new LinkedHashMap<>();

  ClientOperationChecker(SchemaTypes types, List<Class<?>> apiInterfaces) {
    this.types = types;
    Contract contract = new Contract.Default();
    for (Class<?> api : apiInterfaces) {
      for (MethodMetadata metadata : contract.parseAndValidateMetadata(api)) {
        viewsByOperation.computeIfAbsent(operationName(metadata.method()), name -> new ArrayList<>())
            .add(metadata);
      }
    }
  }

  static String operationName(Method method) {
    String name = method.getName();
    return name.endsWith(WITH_HTTP_INFO) ? name.substring(0, name.length() - WITH_HTTP_INFO.length()) : name;
  }

  /** Reports client methods whose operation the spec lacks. */
  void checkExtraOperations(Set<String> operationIds, List<Mismatch> out) {
    for (Map.Entry<String, List<MethodMetadata>> entry : viewsByOperation.entrySet()) {
      if (!operationIds.contains(entry.getKey())) {
        Method method = entry.getValue().get(0).method();
        out.add(new Mismatch(entry.getKey(), "operation",
            "client method " + method.getDeclaringClass().getSimpleName() + "." + entry.getKey()
                + " has no operation in the spec"));
      }
    }
  }

  void check(SpecOperation operation, List<Mismatch> out) {
    List<MethodMetadata> views = viewsByOperation.get(operation.id());
    if (views == null) {
      out.add(new Mismatch(operation.id(), "operation", "no client method " + operation.id()));
      return;
    }
    for (MethodMetadata view : views) {
      new ViewCheck(operation, view, out).run();
    }
  }

  /** The checks of one client method against one operation. */
  private final class ViewCheck {
    private final SpecOperation operation;
    private final MethodMetadata view;
    private final List<Mismatch> out;
    private final String label;
    private final Set<Integer> matchedIndexes = new HashSet<>();

    ViewCheck(SpecOperation operation, MethodMetadata view, List<Mismatch> out) {
      this.operation = operation;
      this.view = view;
      this.out = out;
      Method method = view.method();
      this.label = SIDE + " " + method.getName() + (view.queryMapIndex() == null ? ""
          : "(" + method.getParameterTypes()[view.queryMapIndex()].getSimpleName() + ")");
    }

    private void report(String element, String detail) {
      out.add(new Mismatch(operation.id(), element, detail));
    }

    void run() {
      String method = view.template().method();
      if (!operation.method().equals(method)) {
        report("method", "spec " + operation.method() + ", " + label + " " + method);
      }
      String path = view.template().path();
      if (!PathTemplates.normalize(operation.path()).equals(PathTemplates.normalize(path))) {
        report("path", "spec " + operation.path() + ", " + label + " " + path);
      }
      checkPathParameters(path);
      if (view.queryMapIndex() == null) {
        checkQueryParameters();
      } else {
        checkQueryMap();
      }
      checkHeaderParameters();
      checkBody();
      checkReturnType();
      checkUnmatchedParameters();
    }

    private void checkPathParameters(String clientPath) {
      List<String> specVariables = PathTemplates.variables(operation.path());
      List<String> clientVariables = PathTemplates.variables(clientPath);
      for (Parameter parameter : operation.parameters()) {
        if (!"path".equals(parameter.getIn())) {
          continue;
        }
        String element = "path." + parameter.getName();
        int position = specVariables.indexOf(parameter.getName());
        if (position < 0 || position >= clientVariables.size()) {
          report(element, "missing in " + label);
          continue;
        }
        Integer index = indexOf(clientVariables.get(position));
        if (index == null) {
          report(element, label + " has no parameter for {" + clientVariables.get(position) + "}");
          continue;
        }
        checkParameter(element, parameter.getSchema(), true, index);
      }
    }

    private void checkQueryParameters() {
      Map<String, Collection<String>> queries = view.template().queries();
      Set<String> specNames = new HashSet<>();
      for (Parameter parameter : operation.parameters()) {
        if (!"query".equals(parameter.getIn())) {
          continue;
        }
        specNames.add(parameter.getName());
        String element = "query." + parameter.getName();
        Collection<String> values = queries.get(parameter.getName());
        if (values == null || values.isEmpty()) {
          report(element, "missing in " + label);
          continue;
        }
        String variable = PathTemplates.stripBraces(values.iterator().next());
        Integer index = indexOf(variable);
        if (index == null) {
          report(element, label + " has no parameter for {" + variable + "}");
          continue;
        }
        checkParameter(element, parameter.getSchema(), Boolean.TRUE.equals(parameter.getRequired()), index);
      }
      for (String name : queries.keySet()) {
        if (!specNames.contains(name)) {
          report("query." + name, "in " + label + " but not in the spec");
        }
      }
    }

    /**
     * Reads the wire names of a {@code @QueryMap} class by calling each of
     * its setters on a fresh instance: the generated class stores each value
     * under the parameter's wire name.
     */
    private void checkQueryMap() {
      Class<?> queryMapType = view.method().getParameterTypes()[view.queryMapIndex()];
      matchedIndexes.add(view.queryMapIndex());
      Map<String, Method> setters = new LinkedHashMap<>();
      for (Method setter : queryMapType.getDeclaredMethods()) {
        if (!Modifier.isPublic(setter.getModifiers()) || setter.getParameterCount() != 1) {
          continue;
        }
        for (String key : keysWrittenBy(queryMapType, setter)) {
          setters.put(key, setter);
        }
      }
      Set<String> specNames = new HashSet<>();
      for (Parameter parameter : operation.parameters()) {
        if (!"query".equals(parameter.getIn())) {
          continue;
        }
        specNames.add(parameter.getName());
        String element = "query." + parameter.getName();
        Method setter = setters.get(parameter.getName());
        if (setter == null) {
          report(element, "missing in " + label);
        } else if (!types.fits(parameter.getSchema(), setter.getGenericParameterTypes()[0])) {
          report(element, "spec type " + types.describe(parameter.getSchema()) + ", " + label + " "
              + SchemaTypes.describe(setter.getGenericParameterTypes()[0]));
        }
      }
      for (String name : setters.keySet()) {
        if (!specNames.contains(name)) {
          report("query." + name, "in " + label + " but not in the spec");
        }
      }
    }

    private Set<String> keysWrittenBy(Class<?> queryMapType, Method setter) {
      try {
        Map<?, ?> map = (Map<?, ?>) queryMapType.getDeclaredConstructor().newInstance();
        setter.invoke(map, new Object[] {null});
        Set<String> keys = new HashSet<>();
        map.keySet().forEach(key -> keys.add(String.valueOf(key)));
        return keys;
      } catch (ReflectiveOperationException | ClassCastException e) {
        Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
        throw new IllegalStateException("failed to read the query parameter names of "
            + queryMapType.getName() + "." + setter.getName(), cause);
      }
    }

    private void checkHeaderParameters() {
      Map<String, Collection<String>> headers = view.template().headers();
      Set<String> specNames = new HashSet<>();
      for (Parameter parameter : operation.parameters()) {
        if (!"header".equals(parameter.getIn())) {
          continue;
        }
        specNames.add(parameter.getName().toLowerCase(Locale.ROOT));
        String element = "header." + parameter.getName();
        Collection<String> values = headerValues(headers, parameter.getName());
        if (values == null || values.isEmpty() || !values.iterator().next().contains("{")) {
          report(element, "missing in " + label);
          continue;
        }
        String variable = PathTemplates.stripBraces(values.iterator().next());
        Integer index = indexOf(variable);
        if (index == null) {
          report(element, label + " has no parameter for {" + variable + "}");
          continue;
        }
        checkParameter(element, parameter.getSchema(), Boolean.TRUE.equals(parameter.getRequired()), index);
      }
      for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
        boolean isTemplate = header.getValue().stream().anyMatch(value -> value.contains("{"));
        if (isTemplate && !specNames.contains(header.getKey().toLowerCase(Locale.ROOT))) {
          report("header." + header.getKey(), "in " + label + " but not in the spec");
        }
      }
    }

    private Collection<String> headerValues(Map<String, Collection<String>> headers, String name) {
      for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue();
        }
      }
      return null;
    }

    private void checkBody() {
      Schema<?> schema = operation.requestSchema();
      Integer bodyIndex = view.bodyIndex();
      if (schema == null) {
        if (bodyIndex != null) {
          matchedIndexes.add(bodyIndex);
          report("body", "spec no request body, " + label + " "
              + SchemaTypes.describe(view.method().getGenericParameterTypes()[bodyIndex]));
        }
        return;
      }
      if (bodyIndex == null) {
        report("body", "missing in " + label);
        return;
      }
      checkParameter("body", schema, operation.requestBodyRequired(), bodyIndex);
    }

    private void checkReturnType() {
      Schema<?> schema = operation.successSchema();
      Type returned = view.method().getGenericReturnType();
      boolean withHttpInfo = view.method().getName().endsWith(WITH_HTTP_INFO);
      if (withHttpInfo) {
        if (!(returned instanceof ParameterizedType parameterized)) {
          report("response", "spec " + describeResponse(schema) + ", " + label + " returns "
              + SchemaTypes.describe(returned));
          return;
        }
        returned = parameterized.getActualTypeArguments()[0];
      }
      boolean fits = schema == null
          ? returned == void.class || returned == Void.class
          : types.fits(schema, returned);
      if (!fits) {
        report("response", "spec " + describeResponse(schema) + ", " + label + " returns "
            + SchemaTypes.describe(view.method().getGenericReturnType()));
      }
    }

    private String describeResponse(Schema<?> schema) {
      return schema == null ? "no response body" : types.describe(schema);
    }

    private void checkUnmatchedParameters() {
      for (Map.Entry<Integer, Collection<String>> entry : view.indexToName().entrySet()) {
        if (!matchedIndexes.contains(entry.getKey())) {
          report("parameter " + String.join(",", entry.getValue()), "in " + label + " but not in the spec");
        }
      }
    }

    private Integer indexOf(String name) {
      for (Map.Entry<Integer, Collection<String>> entry : view.indexToName().entrySet()) {
        if (entry.getValue().contains(name)) {
          return entry.getKey();
        }
      }
      return null;
    }

    private void checkParameter(String element, Schema<?> schema, boolean required, int index) {
      matchedIndexes.add(index);
      Type type = view.method().getGenericParameterTypes()[index];
      if (!types.fits(schema, type)) {
        report(element, "spec type " + types.describe(schema) + ", " + label + " " + SchemaTypes.describe(type));
      }
      boolean nonnull = hasAnnotation(view.method().getParameterAnnotations()[index], jakarta.annotation.Nonnull.class);
      if (required != nonnull) {
        report(element, "spec required " + required + ", " + label
            + (nonnull ? " @Nonnull" : " without @Nonnull"));
      }
    }
  }

  static boolean hasAnnotation(Annotation[] annotations, Class<? extends Annotation> type) {
    for (Annotation annotation : annotations) {
      if (annotation.annotationType() == type) {
        return true;
      }
    }
    return false;
  }
}
