package dev.opateams.contract;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a newer server: responds to every request with the JSON body a
 * test set, byte for byte, without going through the strict server models.
 */
final class RawJsonServer implements AutoCloseable {

  private final HttpServer httpServer;
  private volatile byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

  RawJsonServer() {
    try {
      httpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to start the raw JSON server on 127.0.0.1", e);
    }
    httpServer.createContext("/", exchange -> {
      byte[] current = body;
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, current.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(current);
      }
    });
    httpServer.start();
  }

  void respond(String json) {
    body = json.getBytes(StandardCharsets.UTF_8);
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + httpServer.getAddress().getPort());
  }

  @Override
  public void close() {
    httpServer.stop(0);
  }
}
