package dev.opateams.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.ext.ContextResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory OPA Teams API on the JDK HTTP server. It implements the
 * generated {@code TeamsApi} and {@code ServiceTokenApi}, enforces the
 * spec's roles, paging and input rules, and serves the spec and an API
 * reference at {@code /openapi.yaml} and {@code /docs}.
 *
 * <pre>{@code
 * try (MockServer server = MockServer.builder().port(0).build().start()) {
 *   URI base = server.baseUri();
 *   ServiceUserCredentials admin = server.credentials("demo-admin");
 *   ...
 * }
 * }</pre>
 *
 * <p>A server is started once and stopped once. It is thread-safe.
 */
public final class MockServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MockServer.class);
  private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
  private static final int RESPONSE_BUFFER_BYTES = 96 * 1024;

  private final MockConfig config;
  private final AtomicReference<MockState> state = new AtomicReference<>();
  private HttpServer httpServer;
  private ExecutorService executor;
  private URI baseUri;

  private MockServer(MockConfig config) {
    this.config = config;
    this.state.set(config.seed().newState());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the server on the configured address and port.
   *
   * @return this server
   * @throws IllegalStateException when it was started before
   * @throws UncheckedIOException when the address cannot be bound, for example because the port is in use
   */
  public synchronized MockServer start() {
    if (httpServer != null) {
      throw new IllegalStateException("The mock server was already started");
    }
    InetSocketAddress address = new InetSocketAddress(BindAddress.parse(config.bindAddress()), config.port());
    enableNoDelay();
    HttpServer server;
    try {
      server = HttpServer.create(address, 256);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to bind the mock server to " + config.bindAddress() + ":"
          + config.port() + ": " + e.getMessage(), e);
    }
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    baseUri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());

    ApiSpec spec = ApiSpec.load();
    TokenIssuer tokens = new TokenIssuer(config.clock(), config.tokenLifetime());
    ResourceConfig application = new ResourceConfig()
        .register(JacksonFeature.withoutExceptionMappers())
        .register(new MapperResolver(Json.serverMapper()))
        .register(new ServerListWriter())
        .register(new RequestLifecycleFilter(config))
        .register(new SecurityFilter(spec, tokens, state::get))
        .register(new ErrorMappers.ApiExceptionMapper())
        .register(new ErrorMappers.WebApplicationExceptionMapper())
        .register(new ErrorMappers.JsonProcessingExceptionMapper())
        .register(new ErrorMappers.FallbackMapper())
        .register(new BackendBinder(new MockBackend(state::get, tokens, spec, baseUri)))
        .register(TeamsResource.class)
        .register(ServiceTokenResource.class)
        .register(DocsResource.class)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
        // A response of up to 96 KiB (a 100-server page is about 64 KB) is buffered and sent with a
        // Content-Length in one piece, which the throughput benchmark measured as faster than the JDK
        // server's chunked encoding. Larger responses are still sent chunked.
        .property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, RESPONSE_BUFFER_BYTES);
    server.createContext("/", ContainerFactory.createContainer(HttpHandler.class, application));
    executor = newExecutor(config.threads());
    server.setExecutor(executor);
    server.start();
    httpServer = server;
    LOG.info("Mock server listening on {}", baseUri);
    return this;
  }

  /**
   * Turns on TCP_NODELAY for the JDK HTTP server unless the user chose.
   * Without it the server writes headers and body in separate segments and
   * the client's delayed ACK adds about 40 ms to each response. NOTE: the
   * JDK reads this property once, when the first HttpServer of the JVM
   * starts, and it applies to every JDK HttpServer in the JVM.
   */
  private static void enableNoDelay() {
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
  }

  private static ExecutorService newExecutor(int threads) {
    AtomicInteger counter = new AtomicInteger();
    return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, "opa-mock-http-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The base URL, for example {@code http://127.0.0.1:8080}. */
  public URI baseUri() {
    if (baseUri == null) {
      throw new IllegalStateException("The mock server is not started");
    }
    return baseUri;
  }

  public int port() {
    return baseUri().getPort();
  }

  /** The credentials of the seed's first service user; in the default seed, {@code demo-admin}. */
  public ServiceUserCredentials demoCredentials() {
    return config.seed().firstServiceUser();
  }

  /**
   * Returns the credentials of a service user of the seed.
   *
   * @throws IllegalArgumentException when the seed has no user of that name
   */
  public ServiceUserCredentials credentials(String serviceUserName) {
    Objects.requireNonNull(serviceUserName, "serviceUserName");
    return config.seed().serviceUser(serviceUserName);
  }

  /**
   * Restores the state of the seed: checked-in resources come back and
   * settings return to their seed values. Issued tokens stay valid.
   */
  public void reset() {
    state.set(config.seed().newState());
  }

  /** Stops the server at once; exchanges in progress are cut. Stopping twice does nothing. */
  public synchronized void stop() {
    if (httpServer == null) {
      return;
    }
    httpServer.stop(0);
    executor.shutdownNow();
    httpServer = null;
    LOG.info("Mock server on {} stopped", baseUri);
  }

  @Override
  public void close() {
    stop();
  }

  /** Configures a {@link MockServer}. Every setting has a default, so {@code builder().build()} works. */
  public static final class Builder {
    private String bindAddress = "127.0.0.1";
    private int port = 0;
    private Seed seed;
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofHours(1);
    private Duration latency = Duration.ZERO;
    private double tooManyRequestsShare;
    private double unavailableShare;
    private int rateLimitPerMinute = 10_000;
    private int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private Builder() {
    }

    /**
     * Sets the address to listen on; default 127.0.0.1. It must be "localhost"
     * or an IP literal of this machine, so no name is looked up in DNS.
     *
     * @throws IllegalArgumentException for a host name other than localhost, or an address of another machine
     */
    public Builder bindAddress(String bindAddress) {
      Objects.requireNonNull(bindAddress, "bindAddress");
      BindAddress.parse(bindAddress);
      this.bindAddress = bindAddress;
      return this;
    }

    /** Sets the port, 0 for any free port; default 0. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the initial state; default {@link Seed#defaults()}. */
    public Builder seed(Seed seed) {
      this.seed = Objects.requireNonNull(seed, "seed");
      return this;
    }

    /** Sets the clock for token expiry and rate-limit windows; default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets how long an issued bearer token stays valid; default 1 hour, at least 1 second. */
    public Builder tokenLifetime(Duration tokenLifetime) {
      Objects.requireNonNull(tokenLifetime, "tokenLifetime");
      if (tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("tokenLifetime must be at least 1 second: " + tokenLifetime);
      }
      this.tokenLifetime = tokenLifetime;
      return this;
    }

    /** Sets a delay added to every API request; default none. */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative: " + latency);
      }
      this.latency = latency;
      return this;
    }

    /**
     * Sets the shares of API requests, from 0 to 1, that get a simulated 429
     * response (with {@code X-RateLimit-Retry-At}) and a simulated 503
     * response; default 0 and 0. The two shares together are at most 1.
     */
    public Builder faults(double tooManyRequestsShare, double unavailableShare) {
      checkShare("tooManyRequestsShare", tooManyRequestsShare);
      checkShare("unavailableShare", unavailableShare);
      if (tooManyRequestsShare + unavailableShare > 1) {
        throw new IllegalArgumentException("the fault shares add up to more than 1: "
            + tooManyRequestsShare + " + " + unavailableShare);
      }
      this.tooManyRequestsShare = tooManyRequestsShare;
      this.unavailableShare = unavailableShare;
      return this;
    }

    private static void checkShare(String name, double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(name + " must be between 0 and 1: " + share);
      }
    }

    /** Sets the API requests allowed per one-minute window for all teams together; default 10000. */
    public Builder rateLimitPerMinute(int rateLimitPerMinute) {
      if (rateLimitPerMinute < 1) {
        throw new IllegalArgumentException("rateLimitPerMinute must be at least 1: " + rateLimitPerMinute);
      }
      this.rateLimitPerMinute = rateLimitPerMinute;
      return this;
    }

    /** Sets the number of threads that handle requests; default twice the number of processors, at least 4. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Builds a server that is not started yet. */
    public MockServer build() {
      Seed chosen = seed == null ? Seed.defaults() : seed;
      return new MockServer(new MockConfig(bindAddress, port, chosen, clock, tokenLifetime, latency,
          tooManyRequestsShare, unavailableShare, rateLimitPerMinute, threads));
    }
  }

  private static final class BackendBinder extends AbstractBinder {
    private final MockBackend backend;

    BackendBinder(MockBackend backend) {
      this.backend = backend;
    }

    @Override
    protected void configure() {
      bind(backend).to(MockBackend.class);
    }
  }

  private static final class MapperResolver implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper;

    MapperResolver(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return mapper;
    }
  }
}
