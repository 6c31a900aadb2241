package dev.opateams.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A JDK HTTP server on 127.0.0.1 with an ephemeral port that replies from a script and records
 * every request it receives.
 */
final class ScriptedServer implements AutoCloseable {

  /** A request as it arrived on the wire. */
  record Recorded(String method, String path, String query, Map<String, List<String>> headers,
      String body) {

    String header(String name) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue().get(0);
        }
      }
      return null;
    }

    /** The method and path, for example {@code GET /v1/teams/T/roles}. */
    String line() {
      return method + " " + path;
    }
  }

  /**
   * A scripted response. A status of -1 drops the connection without any response, and -2 waits
   * two seconds before replying 204, longer than the read timeouts that tests set.
   */
  record Reply(int status, Map<String, String> headers, String body) {

    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body);
    }

    static Reply status(int status) {
      return new Reply(status, Map.of(), "");
    }

    static Reply dropConnection() {
      return new Reply(-1, Map.of(), "");
    }

    Reply header(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Reply(status, copy, body);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Reply>> queued = new ConcurrentHashMap<>();
  private final Map<String, Function<Recorded, Reply>> handlers = new ConcurrentHashMap<>();

  private ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static ScriptedServer start() {
    try {
      return new ScriptedServer();
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the test server", e);
    }
  }

  /** The base URL, for example {@code http://127.0.0.1:41234}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues replies, in order, for the next requests to {@code line}, such as "GET /path". */
  void enqueue(String line, Reply... replies) {
    Deque<Reply> deque = queued.computeIfAbsent(line, key -> new ArrayDeque<>());
    synchronized (deque) {
      deque.addAll(List.of(replies));
    }
  }

  /** Responds with {@code handler} to every request to {@code line} that finds no queued reply. */
  void always(String line, Function<Recorded, Reply> handler) {
    handlers.put(line, handler);
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  List<Recorded> requests(String line) {
    return requests.stream().filter(r -> r.line().equals(line)).collect(Collectors.toList());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Recorded request = new Recorded(exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
        Map.copyOf(exchange.getRequestHeaders()),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    requests.add(request);

    Reply reply = nextReply(request);
    if (reply.status() == -2) {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply = Reply.status(204);
    }
    if (reply.status() == -1) {
      // The JDK server closes the connection when a handler throws, without any response.
      throw new IOException("Dropping the connection as scripted");
    }
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Reply nextReply(Recorded request) {
    Deque<Reply> deque = queued.get(request.line());
    if (deque != null) {
      synchronized (deque) {
        Reply reply = deque.poll();
        if (reply != null) {
          return reply;
        }
      }
    }
    Function<Recorded, Reply> handler = handlers.get(request.line());
    if (handler != null) {
      return handler.apply(request);
    }
    return Reply.json(599, "{\"message\":\"no scripted reply for " + request.line() + "\"}");
  }
}
