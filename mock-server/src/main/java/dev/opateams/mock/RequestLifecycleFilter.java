package dev.opateams.mock;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs first and last for every request. Before matching it assigns a
 * request id, counts the request against the rate limit, applies the
 * configured faults and latency, and reads the body into memory, rejecting
 * one over {@value #MAX_BODY_BYTES} bytes with 413. After the response is built it adds
 * the rate-limit, request-id and Link headers and logs one line.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class RequestLifecycleFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String REQUEST_ID = "dev.opateams.mock.requestId";
  static final String BODY = "dev.opateams.mock.body";

  /** The largest request body accepted: 1 MiB. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /** How much of an oversized body is read and dropped so that the client can read the 413; beyond it the connection is closed. */
  private static final long MAX_DRAIN_BYTES = 16L << 20;

  private static final String START = "dev.opateams.mock.start";
  private static final String WINDOW = "dev.opateams.mock.window";
  private static final Logger ACCESS_LOG = LoggerFactory.getLogger("dev.opateams.mock.access");

  private final MockConfig config;
  private final RateLimiter rateLimiter;
  private final Random random = new Random();
  private final String requestIdPrefix = Long.toHexString(new Random().nextInt() & 0xffffffffL);
  private final AtomicLong requestCounter = new AtomicLong();

  RequestLifecycleFilter(MockConfig config) {
    this.config = config;
    this.rateLimiter = new RateLimiter(config.clock(), config.rateLimitPerMinute());
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    request.setProperty(START, System.nanoTime());
    request.setProperty(REQUEST_ID, requestIdPrefix + "-" + requestCounter.incrementAndGet());
    boolean api = request.getUriInfo().getPath().startsWith("v1/");
    RateLimiter.Window window = api ? rateLimiter.acquire() : rateLimiter.peek();
    request.setProperty(WINDOW, window);
    if (!window.allowed()) {
      request.abortWith(tooManyRequests(window.resetEpochSecond(),
          "Rate limit exceeded: " + window.limit() + " requests a minute. Retry after " + window.resetEpochSecond() + "."));
      return;
    }
    if (api && injectFault(request)) {
      return;
    }
    if (api && !config.latency().isZero()) {
      sleep();
    }
    if (request.hasEntity()) {
      bufferBody(request);
    }
  }

  private boolean injectFault(ContainerRequestContext request) {
    double draw;
    synchronized (random) {
      draw = random.nextDouble();
    }
    if (draw < config.tooManyRequestsShare()) {
      long retryAt = config.clock().instant().getEpochSecond() + 1;
      request.abortWith(tooManyRequests(retryAt, "Rate limit exceeded (simulated). Retry after " + retryAt + "."));
      return true;
    }
    if (draw < config.tooManyRequestsShare() + config.unavailableShare()) {
      Response response = ErrorMappers.response(503, "service_offline",
          "The service is unavailable (simulated). Retry in 1 second.", List.of());
      response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, "1");
      request.abortWith(response);
      return true;
    }
    return false;
  }

  /**
   * Builds a 429 whose two retry headers name the same moment: Retry-After
   * is the whole seconds from now until {@code retryAt} (unix seconds),
   * rounded up and at least 1, so a client that waits it out is not early.
   */
  private Response tooManyRequests(long retryAt, String message) {
    long retryAfterSeconds = Math.max(1, retryAt - config.clock().instant().getEpochSecond());
    Response response = ErrorMappers.response(429, "too_many_requests", message, List.of());
    response.getHeaders().putSingle("X-RateLimit-Retry-At", Long.toString(retryAt));
    response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    return response;
  }

  private void sleep() {
    try {
      Thread.sleep(config.latency().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void bufferBody(ContainerRequestContext request) throws IOException {
    InputStream in = request.getEntityStream();
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      drain(in);
      request.abortWith(ErrorMappers.response(413, "invalid_request",
          "The request body is larger than " + MAX_BODY_BYTES + " bytes (1 MiB).",
          List.of(ApiException.bodyCause("must be at most " + MAX_BODY_BYTES + " bytes"))));
      return;
    }
    request.setProperty(BODY, body);
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  /**
   * Reads and drops the rest of an oversized body, up to a bound. It reads
   * rather than calling skip, because the JDK server's fixed-length body
   * stream (JDK 17) passes skip to the socket stream past the body's end.
   */
  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long drained = 0;
    int read;
    while (drained < MAX_DRAIN_BYTES && (read = in.read(buffer)) != -1) {
      drained += read;
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Caller.unbind();
    MultivaluedMap<String, Object> headers = response.getHeaders();
    RateLimiter.Window window = (RateLimiter.Window) request.getProperty(WINDOW);
    if (window != null) {
      headers.putSingle("X-RateLimit-Limit", window.limit());
      headers.putSingle("X-RateLimit-Remaining", window.remaining());
      headers.putSingle("X-RateLimit-Reset", window.resetEpochSecond());
    }
    Object requestId = request.getProperty(REQUEST_ID);
    headers.putSingle("X-Request-Id", requestId);
    if (response.getEntity() instanceof PagedLists.Paged paged) {
      String link = link(request, paged.page());
      if (!link.isEmpty()) {
        headers.putSingle("Link", link);
      }
    }
    if (ACCESS_LOG.isInfoEnabled()) {
      Object start = request.getProperty(START);
      double millis = start == null ? 0 : (System.nanoTime() - (long) start) / 1e6;
      ACCESS_LOG.info("{} {} {} {} ms request_id={}", request.getMethod(),
          request.getUriInfo().getRequestUri().getRawPath(), response.getStatus(),
          String.format(java.util.Locale.ROOT, "%.1f", millis), requestId);
    }
  }

  /** Builds the Link header: the request's URL with the page's offsets, always carrying count. */
  private static String link(ContainerRequestContext request, Paging.Page<?> page) {
    List<String> links = new ArrayList<>(2);
    if (page.nextOffset() != null) {
      links.add("<" + pageUri(request, page, page.nextOffset(), false) + ">; rel=\"next\"");
    }
    if (page.previousOffset() != null) {
      links.add("<" + pageUri(request, page, page.previousOffset(), true) + ">; rel=\"prev\"");
    }
    return String.join(", ", links);
  }

  private static String pageUri(ContainerRequestContext request, Paging.Page<?> page, String offset, boolean prev) {
    UriBuilder builder = request.getUriInfo().getRequestUriBuilder()
        .replaceQueryParam("count", page.count())
        .replaceQueryParam("offset", offset)
        .replaceQueryParam("prev");
    if (prev) {
      builder.queryParam("prev", true);
    }
    return builder.build().toString();
  }
}
