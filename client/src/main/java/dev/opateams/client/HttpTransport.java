package dev.opateams.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one operation over {@code java.net.http}, with bearer authentication, one token renewal
 * after a 401, bounded retries and wire logging. Thread-safe.
 *
 * <p>The facade sends requests here rather than through the generated Feign interfaces because
 * paging has to follow the server's {@code Link} URLs as they are (the generated {@code listRoles}
 * method has no paging parameters at all), and because retries, token renewal, error mapping and
 * redacted logging need the raw status, headers and body of every attempt. Bodies are still the
 * generated models, written and read with the generated client's mapper settings.
 */
final class HttpTransport {

  private static final Logger LOG = LoggerFactory.getLogger(OpaTeamsClient.class);

  private final HttpClient httpClient;
  private final ExecutorService executor;
  private final Duration readTimeout;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final WireLog wireLog;
  private final AtomicBoolean closed = new AtomicBoolean();

  HttpTransport(HttpClient httpClient, ExecutorService executor, Duration readTimeout,
      RetryPolicy retryPolicy, Sleeper sleeper, Clock clock, LogLevel logLevel) {
    this.httpClient = httpClient;
    this.executor = executor;
    this.readTimeout = readTimeout;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.wireLog = new WireLog(LOG, logLevel);
  }

  /**
   * Sends the request and returns the 2xx response.
   *
   * @param body the JSON body, or {@code null} for none
   * @param tokens the token source, or {@code null} for an operation without authentication
   * @throws OpaApiException for a response outside 2xx once retries are used up
   * @throws OpaTeamsException when no response arrived or the thread was interrupted
   */
  HttpResponse<byte[]> send(Operation operation, URI uri, byte[] body, TokenSource tokens) {
    ensureOpen();
    String token = tokens == null ? null : tokens.token();
    boolean renewedToken = false;
    int retries = 0;
    while (true) {
      HttpRequest request = buildRequest(operation, uri, body, token);
      wireLog.request(operation, request, body);
      long startNanos = System.nanoTime();
      HttpResponse<byte[]> response;
      try {
        response = httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (retries < retryPolicy.maxRetries() && mayRetryAfter(operation, e)) {
          retries++;
          waitBeforeRetry(operation, uri, describe(e), retries, backoff(retries));
          continue;
        }
        throw new OpaTeamsException(describeRequest(operation, uri) + " failed after "
            + (retries + 1) + (retries == 0 ? " attempt: " : " attempts: ") + describe(e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OpaTeamsException(
            "Interrupted while waiting for the response to " + describeRequest(operation, uri), e);
      }
      wireLog.response(operation, request, response, System.nanoTime() - startNanos);

      int status = response.statusCode();
      if (status >= 200 && status <= 299) {
        return response;
      }
      if (status == 401 && tokens != null && !renewedToken && tokens.renewAfterRejection(token)) {
        LOG.debug("{} was answered with HTTP 401; renewing the token and retrying once",
            describeRequest(operation, uri));
        renewedToken = true;
        token = tokens.token();
        continue;
      }
      if ((status == 429 || status == 503) && operation.idempotent()
          && retries < retryPolicy.maxRetries()) {
        retries++;
        waitBeforeRetry(operation, uri, "HTTP " + status, retries,
            delayFor(response.headers(), retries));
        continue;
      }
      throw ApiErrors.create(operation, uri.getRawPath(), status, response.body(),
          serverRetryTime(response.headers()));
    }
  }

  /** Stops accepting requests and releases the transport's threads. Idempotent. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      executor.shutdownNow();
      // java.net.http.HttpClient implements AutoCloseable from Java 21 on; on Java 17 its
      // selector thread ends once the client is unreachable.
      if (httpClient instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.debug("Closing the HTTP client failed", e);
        }
      }
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  boolean isTerminated() {
    return executor.isTerminated();
  }

  void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("This OpaTeamsClient is closed");
    }
  }

  private HttpRequest buildRequest(Operation operation, URI uri, byte[] body, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(readTimeout)
        .header("Accept", "application/json");
    if (body == null) {
      builder.method(operation.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json")
          .method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body));
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder.build();
  }

  /**
   * A connection that was never opened cannot have delivered the request, so any operation may be
   * retried. After any other I/O failure the server may have acted on it, so only idempotent
   * operations are.
   */
  private static boolean mayRetryAfter(Operation operation, IOException failure) {
    boolean notDelivered =
        failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException;
    return operation.idempotent() || notDelivered;
  }

  private void waitBeforeRetry(
      Operation operation, URI uri, String reason, int retry, Duration delay) {
    LOG.debug("Retrying {} after {}: retry {} of {} in {} ms", describeRequest(operation, uri),
        reason, retry, retryPolicy.maxRetries(), delay.toMillis());
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpaTeamsException(
          "Interrupted while waiting to retry " + describeRequest(operation, uri), e);
    }
    ensureOpen();
  }

  /** Returns the wait that the response names, or else the backoff, with jitter and capped. */
  private Duration delayFor(HttpHeaders headers, int retry) {
    Instant retryAt = serverRetryTime(headers);
    if (retryAt == null) {
      return backoff(retry);
    }
    Duration wait = Duration.between(clock.instant(), retryAt);
    return withJitterCapped(wait.isNegative() ? Duration.ZERO : wait);
  }

  private Duration backoff(int retry) {
    Duration delay = retryPolicy.initialDelay();
    for (int i = 1; i < retry && delay.compareTo(retryPolicy.maxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return withJitterCapped(delay);
  }

  private Duration withJitterCapped(Duration delay) {
    double share = retryPolicy.jitter() * ThreadLocalRandom.current().nextDouble();
    Duration jittered = delay.plusNanos((long) (delay.toNanos() * share));
    return jittered.compareTo(retryPolicy.maxDelay()) > 0 ? retryPolicy.maxDelay() : jittered;
  }

  /**
   * Reads {@code X-RateLimit-Retry-At} (unix seconds) or else {@code Retry-After} (seconds or an
   * HTTP date). Returns {@code null} when neither is present and valid.
   */
  private Instant serverRetryTime(HttpHeaders headers) {
    String retryAt = headers.firstValue("X-RateLimit-Retry-At").orElse(null);
    if (retryAt != null) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(retryAt.trim()));
      } catch (NumberFormatException | DateTimeException e) {
        LOG.debug("Ignoring the invalid X-RateLimit-Retry-At header value \"{}\"", retryAt);
      }
    }
    String retryAfter = headers.firstValue("Retry-After").orElse(null);
    if (retryAfter != null) {
      try {
        return clock.instant().plusSeconds(Long.parseLong(retryAfter.trim()));
      } catch (DateTimeException | ArithmeticException e) {
        LOG.debug("Ignoring the out-of-range Retry-After header value \"{}\"", retryAfter);
        return null;
      } catch (NumberFormatException e) {
        try {
          return ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
        } catch (DateTimeParseException notADate) {
          LOG.debug("Ignoring the invalid Retry-After header value \"{}\"", retryAfter);
        }
      }
    }
    return null;
  }

  static String describeRequest(Operation operation, URI uri) {
    return operation.operationId() + " (" + operation.method() + " " + uri.getRawPath() + ")";
  }

  private static String describe(IOException failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : " " + message);
  }
}
