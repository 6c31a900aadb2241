package dev.opateams.contract;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records each exchange on the server side: the request as it arrived,
 * before Jersey matched or decoded it, and the response with its final
 * headers and the bytes written. The lowest priority makes its response
 * filter run after every other one.
 */
@PreMatching
@Priority(1)
final class ServerTrafficRecorder implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

  private static final String REQUEST = ServerTrafficRecorder.class.getName() + ".request";

  /** The request half of an exchange, kept as a request property until the response is written. */
  private record ReceivedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
      String body) {
  }

  private final List<HttpExchange> exchanges = new CopyOnWriteArrayList<>();

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    request.setProperty(REQUEST, new ReceivedRequest(request.getMethod(),
        request.getUriInfo().getRequestUri().getRawPath(), request.getUriInfo().getRequestUri().getRawQuery(),
        copy(request.getHeaders()), new String(body, StandardCharsets.UTF_8)));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!response.hasEntity()) {
      record((ReceivedRequest) request.getProperty(REQUEST), response.getStatus(), copy(response.getStringHeaders()), "");
    } else {
      request.setProperty(REQUEST + ".status", response.getStatus());
    }
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    OutputStream original = context.getOutputStream();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    context.setOutputStream(written);
    context.proceed();
    original.write(written.toByteArray());
    context.setOutputStream(original);

    Map<String, List<String>> headers = new LinkedHashMap<>();
    context.getHeaders().forEach((name, values) -> {
      List<String> texts = new ArrayList<>();
      values.forEach(value -> texts.add(String.valueOf(value)));
      headers.put(name, texts);
    });
    record((ReceivedRequest) context.getProperty(REQUEST), (Integer) context.getProperty(REQUEST + ".status"),
        headers, written.toString(StandardCharsets.UTF_8));
  }

  private void record(ReceivedRequest request, int status, Map<String, List<String>> headers, String body) {
    if (request != null) {
      exchanges.add(new HttpExchange(request.method(), request.path(), request.rawQuery(), request.headers(),
          request.body(), status, headers, body));
    }
  }

  /** Returns the exchanges recorded since the last call and clears the record. */
  List<HttpExchange> takeAll() {
    List<HttpExchange> recorded = List.copyOf(exchanges);
    exchanges.clear();
    return recorded;
  }

  private static Map<String, List<String>> copy(MultivaluedMap<String, String> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
    return copy;
  }
}
