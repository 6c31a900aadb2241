package dev.opateams.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for URI templates such as {@code /v1/teams/{team_name}/servers}. */
final class PathTemplates {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]*)}");

  private PathTemplates() {
  }

  /** Returns the template with every variable written as {@code {}}, so that templates compare by shape. */
  static String normalize(String template) {
    return VARIABLE.matcher(template).replaceAll("{}");
  }

  /** Returns the variable names in the order they appear. */
  static List<String> variables(String template) {
    List<String> names = new ArrayList<>();
    Matcher matcher = VARIABLE.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  static String stripBraces(String expression) {
    String trimmed = expression.trim();
    if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
      return trimmed.substring(1, trimmed.length() - 1);
    }
    return trimmed;
  }

  /** Joins a class-level and a method-level JAX-RS {@code @Path} with exactly one slash between them. */
  static String join(String classPath, String methodPath) {
    String left = classPath == null ? "" : classPath;
    String right = methodPath == null ? "" : methodPath;
    if (left.endsWith("/")) {
      left = left.substring(0, left.length() - 1);
    }
    if (!right.isEmpty() && !right.startsWith("/")) {
      right = "/" + right;
    }
    String joined = left + right;
    return joined.startsWith("/") ? joined : "/" + joined;
  }
}
