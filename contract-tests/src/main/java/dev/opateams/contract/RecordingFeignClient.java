package dev.opateams.contract;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Feign transport that passes each request to another one and records the
 * request as sent and the response as received, bodies included.
 */
final class RecordingFeignClient implements Client {

  private final Client delegate;
  private final String basePath;
  private final List<HttpExchange> exchanges = new CopyOnWriteArrayList<>();

  /**
   * @param delegate the transport that sends the requests
   * @param baseUri the API's base URI; its path is cut from recorded paths
   */
  RecordingFeignClient(Client delegate, URI baseUri) {
    this.delegate = delegate;
    String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Response response = delegate.execute(request, options);
    byte[] body;
    if (response.body() == null) {
      body = new byte[0];
    } else {
      try (InputStream in = response.body().asInputStream()) {
        body = in.readAllBytes();
      }
    }
    URI uri = URI.create(request.url());
    String path = uri.getRawPath();
    if (!basePath.isEmpty() && path.startsWith(basePath)) {
      path = path.substring(basePath.length());
    }
    exchanges.add(new HttpExchange(request.httpMethod().name(), path, uri.getRawQuery(),
        copy(request.headers()),
        request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8),
        response.status(), copy(response.headers()), new String(body, StandardCharsets.UTF_8)));
    return response.toBuilder().body(body).build();
  }

  /** Returns the last exchange and clears the record. */
  HttpExchange takeLast() {
    if (exchanges.isEmpty()) {
      throw new AssertionError("the client sent no request");
    }
    HttpExchange last = exchanges.get(exchanges.size() - 1);
    exchanges.clear();
    return last;
  }

  private static Map<String, List<String>> copy(Map<String, Collection<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      if (name != null) {
        copy.put(name, new ArrayList<>(values));
      }
    });
    return copy;
  }
}
