package dev.opateams.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds the query part of a URL from name-value pairs, leaving out values that are null. */
final class QueryString {

  private final StringBuilder query = new StringBuilder();

  QueryString add(String name, Object value) {
    if (value == null) {
      return this;
    }
    if (query.length() > 0) {
      query.append('&');
    }
    query.append(encode(name)).append('=').append(encode(String.valueOf(value)));
    return this;
  }

  boolean isEmpty() {
    return query.length() == 0;
  }

  @Override
  public String toString() {
    return query.toString();
  }

  /** Percent-encodes a query or path component; a space becomes %20, not +. */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
