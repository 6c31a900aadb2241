package dev.opateams.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HTTP server on 127.0.0.1 that serves {@code listServers} pages of a fixed total size, with
 * {@code Link: <...>; rel="next"} headers as OPA sends them. Every page of one size has the same
 * precomputed body, so the server adds little work of its own to a measurement.
 */
final class LoopbackServer implements AutoCloseable {

  static final String TEAM = "Bench_Team";
  static final String SERVERS_PATH = "/v1/teams/" + TEAM + "/servers";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final int totalServers;
  private final Map<Integer, byte[]> pagesBySize = new ConcurrentHashMap<>();

  LoopbackServer(int totalServers) throws IOException {
    this.totalServers = totalServers;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext(SERVERS_PATH, this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    int count = intParameter(query, "count", 100);
    int offset = intParameter(query, "offset", 0);
    int size = Math.min(count, totalServers - offset);
    byte[] body = pagesBySize.computeIfAbsent(size, LoopbackServer::page);

    if (offset + size < totalServers) {
      exchange.getResponseHeaders().add("Link", "<" + baseUrl() + SERVERS_PATH + "?count=" + count
          + "&offset=" + (offset + size) + ">; rel=\"next\"");
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static int intParameter(String query, String name, int fallback) {
    if (query == null) {
      return fallback;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return Integer.parseInt(pair.substring(name.length() + 1));
      }
    }
    return fallback;
  }

  /** Builds a page of {@code size} Servers shaped like the spec's example, about 1 KB each. */
  private static byte[] page(int size) {
    StringBuilder json = new StringBuilder("{\"list\":[");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        json.append(',');
      }
      String id = String.format("4a8e2c6b-0f1d-4e3a-9b5c-%012d", i);
      json.append("{\"id\":\"").append(id).append("\",\"access_address\":\"203.0.113.24\","
          + "\"alt_names\":[\"db-").append(i).append("\",\"db-").append(i)
          .append(".example.internal\"],\"bastion\":\"bastion.example.internal\","
              + "\"broker_host_certs\":[],\"canonical_name\":\"db-").append(i)
          .append("\",\"cloud_provider\":\"aws\",\"deleted_at\":\"0001-01-01T00:00:00Z\","
              + "\"hostname\":\"db-").append(i).append("\",\"instance_details\":{\"_type\":\"aws\","
              + "\"account_id\":\"123456789012\",\"availability_zone\":\"us-west-2a\","
              + "\"instance_id\":\"i-0abc123def4567890\",\"instance_type\":\"t3.medium\","
              + "\"public_ip_v4\":\"203.0.113.24\",\"networks\":[{\"mac\":\"0a:1b:2c:3d:4e:5f\","
              + "\"addresses\":[\"10.0.1.17\"],\"vpc_id\":\"vpc-0a1b2c3d\"}]},"
              + "\"instance_id\":\"i-0abc123def4567890\",\"labels\":{\"env\":\"production\","
              + "\"tier\":\"database\"},\"last_seen\":\"2026-11-30T09:59:40Z\",\"managed\":true,"
              + "\"os\":\"Amazon Linux 2023\",\"os_type\":\"linux\","
              + "\"project_id\":\"2e4f6a8c-0b1d-4e3f-8a5c-7b9d1f3e5a60\","
              + "\"project_name\":\"databases\",\"registered_at\":\"2025-10-14T08:03:55Z\","
              + "\"services\":[\"ssh\"],\"sftd_version\":\"1.87.1\",\"ssh_host_keys\":[\"ssh-ed25519"
              + " AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\"],"
              + "\"state\":\"ACTIVE\",\"team_name\":\"").append(TEAM).append("\"}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
