package dev.opateams.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.opateams.mock.MockServer;
import dev.opateams.mock.Seed;
import dev.opateams.mock.ServiceUserCredentials;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per second of listServers with 100 servers a page over loopback,
 * beside a bare JDK HttpServer that writes the same response from
 * precomputed bytes. A fixed number of client threads each keep one HTTP/1.1
 * connection and send requests back to back. Not a test: run it by hand,
 * as described in BENCHMARKS.md under "Mock server throughput".
 *
 * <p>Arguments: clients (default 8), warm-up seconds (default 10), measured
 * seconds per round (default 15), rounds (default 3), server threads for
 * both servers (default: the mock server's default, twice the number of
 * processors and at least 4).
 */
public final class MockServerThroughput {

  private static final String TEAM = "Bench_Team";
  private static final String PATH = "/v1/teams/" + TEAM + "/servers?count=100";

  private MockServerThroughput() {
  }

  public static void main(String[] args) throws Exception {
    // The access log writes one line per request; at this rate it would measure the terminal, not the server.
    System.setProperty("org.slf4j.simpleLogger.log.dev.opateams.mock.access", "warn");
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    Duration warmUp = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 10);
    Duration measured = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 15);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int threads = args.length > 4 ? Integer.parseInt(args[4])
        : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    try (MockServer mock = MockServer.builder().seed(seed(100)).threads(threads)
        .rateLimitPerMinute(Integer.MAX_VALUE).build().start()) {
      String token = token(mock);
      byte[] body = fetch(mock.baseUri() + PATH, token);
      HttpServer bare = bareServer(body, threads);
      try {
        String bareBase = "http://127.0.0.1:" + bare.getAddress().getPort();
        System.out.printf(Locale.ROOT, "response: %d bytes, %d servers; clients: %d; server threads: %d%n",
            body.length, 100, clients, threads);
        run("warm-up mock", mock.baseUri().getPort(), token, clients, warmUp);
        run("warm-up bare", bare.getAddress().getPort(), token, clients, warmUp);
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          double mockRate = run("round " + round + " mock", mock.baseUri().getPort(), token, clients, measured);
          double bareRate = run("round " + round + " bare", bare.getAddress().getPort(), token, clients, measured);
          ratios.add(mockRate / bareRate);
          System.out.printf(Locale.ROOT, "round %d ratio mock/bare: %.2f%n", round, mockRate / bareRate);
        }
        ratios.sort(Double::compare);
        System.out.printf(Locale.ROOT, "median ratio mock/bare: %.2f (bare server at %s)%n",
            ratios.get(ratios.size() / 2), bareBase);
      } finally {
        bare.stop(0);
        ((ExecutorService) bare.getExecutor()).shutdownNow();
      }
    }
  }

  /** Runs the clients against a port for a duration; prints and returns requests per second. */
  private static double run(String label, int port, String token, int clients, Duration duration)
      throws InterruptedException {
    byte[] request = ("GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
        + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    AtomicBoolean running = new AtomicBoolean(true);
    LongAdder completed = new LongAdder();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread thread = new Thread(() -> clientLoop(port, request, running, completed), "bench-client-" + i);
      threads.add(thread);
      thread.start();
    }
    long start = System.nanoTime();
    Thread.sleep(duration.toMillis());
    running.set(false);
    long count = completed.sum();
    double seconds = (System.nanoTime() - start) / 1e9;
    for (Thread thread : threads) {
      thread.join();
    }
    double rate = count / seconds;
    System.out.printf(Locale.ROOT, "%-16s %8.0f requests/s (%d in %.1f s)%n", label, rate, count, seconds);
    return rate;
  }

  private static void clientLoop(int port, byte[] request, AtomicBoolean running, LongAdder completed) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      while (running.get()) {
        out.write(request);
        out.flush();
        int status = readResponse(in);
        if (status != 200) {
          throw new IllegalStateException("status " + status);
        }
        completed.increment();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one HTTP/1.1 response with a Content-Length or chunked body; returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    String statusLine = readLine(in);
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(readLine(in).trim(), 16); size > 0; size = Long.parseLong(readLine(in).trim(), 16)) {
        in.skipNBytes(size);
        readLine(in);
      }
      readLine(in);
    } else if (length > 0) {
      in.skipNBytes(length);
    }
    return status;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != '\n') {
      if (b == -1) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static HttpServer bareServer(byte[] body, int threads) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(threads));
    server.start();
    return server;
  }

  private static String token(MockServer mock) throws IOException, InterruptedException {
    ServiceUserCredentials user = mock.demoCredentials();
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(mock.baseUri() + "/v1/teams/" + TEAM + "/service_token"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"key_id\":\"" + user.keyId() + "\",\"key_secret\":\""
            + user.keySecret() + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    return response.body().replaceAll(".*\"bearer_token\":\"([^\"]+)\".*", "$1");
  }

  private static byte[] fetch(String url, String token) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("listServers answered " + response.statusCode());
    }
    return response.body();
  }

  /** Builds a team with {@code count} servers shaped like the default seed's AWS server. */
  private static Seed seed(int count) {
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < count; i++) {
      servers.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"id\":\"00000000-0000-4000-8000-%012d\",\"hostname\":\"host-%03d.example.internal\","
              + "\"project_name\":\"project-%d\",\"state\":\"ACTIVE\",\"managed\":true,\"os\":\"Ubuntu 22.04\","
              + "\"os_type\":\"linux\",\"services\":[\"ssh\"],\"sftd_version\":\"1.87.1\","
              + "\"access_address\":\"203.0.113.%d\",\"alt_names\":[\"host-%03d\"],\"cloud_provider\":\"aws\","
              + "\"instance_id\":\"i-%017d\",\"registered_at\":\"2026-03-02T14:21:07Z\","
              + "\"last_seen\":\"2026-11-30T09:58:12Z\",\"deleted_at\":\"0001-01-01T00:00:00Z\","
              + "\"instance_details\":{\"_type\":\"aws\",\"account_id\":\"123456789012\","
              + "\"availability_zone\":\"us-west-2a\",\"instance_id\":\"i-%017d\",\"instance_type\":\"t3.medium\"}}",
          i, i, i % 7, i % 250, i, i, i));
    }
    return Seed.fromJson("the benchmark seed", "{\"teams\":[{\"name\":\"" + TEAM + "\",\"service_users\":[{"
        + "\"name\":\"bench\",\"key_id\":\"9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a\",\"key_secret\":\"bench-secret\","
        + "\"roles\":[\"end_user\"]}],\"servers\":[" + servers + "]}]}");
  }
}
