package dev.opateams.benchmarks;

import dev.opateams.client.ListServersRequest;
import dev.opateams.client.LogLevel;
import dev.opateams.client.OpaTeamsClient;
import dev.opateams.client.model.Server;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P1: the time of one {@code listServers} call that returns 100 Servers in one page, through the
 * facade and through plain {@code java.net.http} plus Jackson, against the same loopback server.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 8, time = 3)
@Fork(2)
@State(Scope.Benchmark)
public class ListServersBenchmark {

  private static final String TOKEN = "benchmark-token";

  private LoopbackServer server;
  private OpaTeamsClient client;
  private PlainHttp plain;
  private ListServersRequest request;
  private URI plainUri;

  @Setup
  public void start() throws Exception {
    server = new LoopbackServer(100);
    client = OpaTeamsClient.builder()
        .baseUrl(server.baseUrl())
        .teamName(LoopbackServer.TEAM)
        .bearerToken(TOKEN)
        .logLevel(LogLevel.NONE)
        .build();
    plain = new PlainHttp(TOKEN);
    request = ListServersRequest.builder().pageSize(100).build();
    plainUri = URI.create(server.baseUrl() + LoopbackServer.SERVERS_PATH + "?count=100");
  }

  @TearDown
  public void stop() {
    client.close();
    server.close();
  }

  @Benchmark
  public List<Server> facade() {
    return client.listServers(request).stream().collect(Collectors.toList());
  }

  @Benchmark
  public List<Server> plainHttpClientAndJackson() throws Exception {
    return plain.fetch(plainUri).servers().getList();
  }
}
