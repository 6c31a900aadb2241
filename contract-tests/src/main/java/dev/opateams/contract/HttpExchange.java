package dev.opateams.contract;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request and its response, as bytes went over the wire.
 *
 * @param method the HTTP method in upper case
 * @param path the raw path, without the query, relative to the API's base path
 * @param rawQuery the raw query string without {@code ?}, or null when there is none
 * @param requestHeaders the request headers
 * @param requestBody the request body as UTF-8 text, empty when there is none
 * @param status the response status code
 * @param responseHeaders the response headers
 * @param responseBody the response body as UTF-8 text, empty when there is none
 */
public record HttpExchange(String method, String path, String rawQuery, Map<String, List<String>> requestHeaders,
    String requestBody, int status, Map<String, List<String>> responseHeaders, String responseBody) {

  public HttpExchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    requestHeaders = Map.copyOf(requestHeaders);
    requestBody = requestBody == null ? "" : requestBody;
    responseHeaders = Map.copyOf(responseHeaders);
    responseBody = responseBody == null ? "" : responseBody;
  }

  /** Returns the first value of a response header, matching the name without regard to case, or null. */
  public String responseHeader(String name) {
    return first(responseHeaders, name);
  }

  /** Returns the first value of a request header, matching the name without regard to case, or null. */
  public String requestHeader(String name) {
    return first(requestHeaders, name);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }

  /** Returns a summary that leaves out headers and bodies, which can hold secrets. */
  @Override
  public String toString() {
    return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " -> " + status;
  }
}
