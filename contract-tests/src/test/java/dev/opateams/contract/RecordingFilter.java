package dev.opateams.contract;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every request as it arrived, before Jersey matches or decodes it. */
@PreMatching
final class RecordingFilter implements ContainerRequestFilter {

  /** One request as received: the raw query string and body, and the headers. */
  record ReceivedRequest(String method, String path, String rawQuery,
      MultivaluedMap<String, String> headers, String body) {

    /** Returns the first value of a header, matching its name without regard to case. */
    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    received.add(new ReceivedRequest(
        request.getMethod(),
        request.getUriInfo().getRequestUri().getRawPath(),
        request.getUriInfo().getRequestUri().getRawQuery(),
        new MultivaluedHashMap<>(request.getHeaders()),
        new String(body, StandardCharsets.UTF_8)));
  }

  ReceivedRequest last() {
    if (received.isEmpty()) {
      throw new AssertionError("the server received no request");
    }
    return received.get(received.size() - 1);
  }
}
