package dev.opateams.mock;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a listServers response from JSON rendered once per server instead
 * of serializing every server on every request. The bytes come from the
 * same Jackson mapper, so the output is the same. It is the largest
 * response of the API and the one that the throughput benchmark measures.
 */
@Produces(MediaType.APPLICATION_JSON)
final class ServerListWriter implements MessageBodyWriter<PagedLists.PagedServerList> {

  private static final byte[] START = "{\"list\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "]}".getBytes(StandardCharsets.US_ASCII);

  @Override
  public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == PagedLists.PagedServerList.class;
  }

  @Override
  public long getSize(PagedLists.PagedServerList list, Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType) {
    List<MockState.StoredServer> items = list.page().items();
    long size = START.length + END.length + Math.max(0, items.size() - 1);
    for (MockState.StoredServer server : items) {
      size += server.json(list.labels()).length;
    }
    return size;
  }

  @Override
  public void writeTo(PagedLists.PagedServerList list, Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
    out.write(START);
    boolean first = true;
    for (MockState.StoredServer server : list.page().items()) {
      if (!first) {
        out.write(',');
      }
      out.write(server.json(list.labels()));
      first = false;
    }
    out.write(END);
  }
}
