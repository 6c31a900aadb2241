package dev.opateams.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opateams.server.model.ErrorCause;
import dev.opateams.server.model.ErrorResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * Maps a bean validation failure of the server stubs to 400 with the spec's
 * error body. Bean validation reports Java names ({@code arg7},
 * {@code clientSessionDuration}), so this mapper translates each to the name
 * on the wire: the {@code @QueryParam}, {@code @PathParam} or
 * {@code @HeaderParam} value of a parameter, and the {@code @JsonProperty}
 * name of a body property.
 */
final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  /** Where a wrong value is on the wire. */
  private record WireLocation(String type, String name) {
  }

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<ErrorCause> causes = new ArrayList<>();
    for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
      WireLocation location = locate(violation);
      causes.add(new ErrorCause().error(violation.getMessage()).locationType(location.type()).location(location.name()));
    }
    causes.sort(Comparator.comparing(ErrorCause::getLocation).thenComparing(ErrorCause::getError));
    String message = causes.stream()
        .map(cause -> cause.getLocation() + ": " + cause.getError())
        .collect(Collectors.joining("; "));
    ErrorResponse body = new ErrorResponse().code(400).error("invalid_request").message(message).errorCause(causes);
    return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static WireLocation locate(ConstraintViolation<?> violation) {
    Method method = null;
    String type = "body";
    Type beanType = violation.getRootBeanClass();
    List<String> names = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        method = interfaceMethod(violation.getRootBeanClass(), node.getName(),
            node.as(Path.MethodNode.class).getParameterTypes());
      } else if (node.getKind() == ElementKind.PARAMETER && method != null) {
        int index = node.as(Path.ParameterNode.class).getParameterIndex();
        WireLocation parameter = parameterLocation(method.getParameterAnnotations()[index]);
        if (parameter != null) {
          return parameter;
        }
        beanType = method.getGenericParameterTypes()[index];
      } else if (node.getKind() == ElementKind.PROPERTY) {
        // An index or key on a node belongs to the container that contains the node's bean.
        if (node.isInIterable() && !names.isEmpty()) {
          Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
          names.set(names.size() - 1, names.get(names.size() - 1) + "[" + position + "]");
        }
        Class<?> beanClass = rawClass(elementType(beanType, node.isInIterable()));
        Method getter = getter(beanClass, node.getName());
        names.add(jsonName(beanClass, node.getName(), getter));
        beanType = getter == null ? Object.class : unwrap(getter.getGenericReturnType());
      }
    }
    return new WireLocation(type, String.join(".", names));
  }

  private static WireLocation parameterLocation(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof QueryParam query) {
        return new WireLocation("query", query.value());
      }
      if (annotation instanceof PathParam path) {
        return new WireLocation("path", path.value());
      }
      if (annotation instanceof HeaderParam header) {
        return new WireLocation("header", header.value());
      }
    }
    return null;
  }

  /** Finds the method in the generated interface, where the JAX-RS annotations are. */
  private static Method interfaceMethod(Class<?> resourceClass, String name, List<Class<?>> parameterTypes) {
    Class<?>[] types = parameterTypes.toArray(new Class<?>[0]);
    for (Class<?> candidate : resourceClass.getInterfaces()) {
      try {
        return candidate.getMethod(name, types);
      } catch (NoSuchMethodException e) {
        // Not declared by this interface; try the next one.
      }
    }
    try {
      return resourceClass.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Method getter(Class<?> beanClass, String property) {
    String capitalized = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
    for (String name : List.of("get" + capitalized, "is" + capitalized)) {
      try {
        return beanClass.getMethod(name);
      } catch (NoSuchMethodException e) {
        // Try the next accessor name.
      }
    }
    return null;
  }

  /**
   * Returns the JSON name of a property. A nullable property's plain getter
   * carries {@code @JsonIgnore}; its name is on the {@code _JsonNullable} twin.
   */
  private static String jsonName(Class<?> beanClass, String property, Method getter) {
    List<Method> candidates = new ArrayList<>();
    if (getter != null) {
      candidates.add(getter);
      try {
        candidates.add(beanClass.getMethod(getter.getName() + "_JsonNullable"));
      } catch (NoSuchMethodException e) {
        // Not a nullable property.
      }
    }
    for (Method candidate : candidates) {
      JsonProperty json = candidate.getAnnotation(JsonProperty.class);
      if (json != null && !json.value().isEmpty()) {
        return json.value();
      }
    }
    return property;
  }

  private static Type elementType(Type type, boolean inIterable) {
    if (inIterable && type instanceof ParameterizedType parameterized) {
      Type[] arguments = parameterized.getActualTypeArguments();
      return arguments[arguments.length - 1];
    }
    return type;
  }

  private static Type unwrap(Type type) {
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == JsonNullable.class) {
      return parameterized.getActualTypeArguments()[0];
    }
    return type;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> cls) {
      return cls;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }
}
