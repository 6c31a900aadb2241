package dev.opateams.benchmarks;

import dev.opateams.client.ListServersRequest;
import dev.opateams.client.LogLevel;
import dev.opateams.client.OpaTeamsClient;
import java.net.URI;
import java.util.concurrent.TimeUnit;
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
 * P2: streaming 100,000 Servers (100 pages of 1,000) through the facade's paging, and the same
 * pages through a hand-written loop, in a JVM limited to a 64 MiB heap. Collecting the same 100,000
 * Servers into a list fails there with OutOfMemoryError, so completing at all shows that the
 * stream does not keep the pages it has passed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = "-Xmx64m")
@State(Scope.Benchmark)
public class PagingBenchmark {

  static final int TOTAL_SERVERS = 100_000;
  static final int PAGE_SIZE = 1_000;
  private static final String TOKEN = "benchmark-token";

  private LoopbackServer server;
  private OpaTeamsClient client;
  private PlainHttp plain;
  private ListServersRequest request;
  private URI firstPage;

  @Setup
  public void start() throws Exception {
    server = new LoopbackServer(TOTAL_SERVERS);
    client = OpaTeamsClient.builder()
        .baseUrl(server.baseUrl())
        .teamName(LoopbackServer.TEAM)
        .bearerToken(TOKEN)
        .logLevel(LogLevel.NONE)
        .build();
    plain = new PlainHttp(TOKEN);
    request = ListServersRequest.builder().pageSize(PAGE_SIZE).build();
    firstPage = URI.create(server.baseUrl() + LoopbackServer.SERVERS_PATH + "?count=" + PAGE_SIZE);
  }

  @TearDown
  public void stop() {
    client.close();
    server.close();
  }

  @Benchmark
  public long facadeStream() {
    long count = client.listServers(request).stream().count();
    return checked(count);
  }

  @Benchmark
  public long plainPagingLoop() throws Exception {
    long count = 0;
    URI next = firstPage;
    while (next != null) {
      PlainHttp.Page page = plain.fetch(next);
      count += page.servers().getList().size();
      next = page.next();
    }
    return checked(count);
  }

  private static long checked(long count) {
    if (count != TOTAL_SERVERS) {
      throw new IllegalStateException("Expected " + TOTAL_SERVERS + " Servers, got " + count);
    }
    return count;
  }
}
