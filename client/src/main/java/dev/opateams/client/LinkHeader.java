package dev.opateams.client;

import java.util.List;
import java.util.Locale;

/** Finds the {@code rel="next"} target in RFC 8288 {@code Link} header values. */
final class LinkHeader {

  private LinkHeader() {
  }

  /**
   * Returns the target of the first link whose {@code rel} contains {@code next}, or {@code null}
   * when there is none (also when only {@code rel="prev"} is present). Each element of
   * {@code values} may hold several comma-separated links.
   */
  static String findNext(List<String> values) {
    for (String value : values) {
      int position = 0;
      while (position < value.length()) {
        int open = value.indexOf('<', position);
        if (open < 0) {
          break;
        }
        int close = value.indexOf('>', open + 1);
        if (close < 0) {
          break;
        }
        String target = value.substring(open + 1, close).trim();
        int end = endOfParameters(value, close + 1);
        if (hasNextRelation(value.substring(close + 1, end))) {
          return target;
        }
        position = end + 1;
      }
    }
    return null;
  }

  /** Returns the index of the comma that ends this link's parameters, skipping quoted strings. */
  private static int endOfParameters(String value, int from) {
    boolean quoted = false;
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        return i;
      }
    }
    return value.length();
  }

  private static boolean hasNextRelation(String parameters) {
    for (String parameter : parameters.split(";")) {
      int equals = parameter.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String name = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      if (!name.equals("rel")) {
        continue;
      }
      String relations = parameter.substring(equals + 1).trim().replace("\"", "");
      for (String relation : relations.split("\\s+")) {
        if (relation.equalsIgnoreCase("next")) {
          return true;
        }
      }
    }
    return false;
  }
}
