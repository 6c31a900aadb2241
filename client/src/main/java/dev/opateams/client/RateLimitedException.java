package dev.opateams.client;

import java.time.Instant;
import java.util.Optional;

/**
 * An HTTP error response with 429 Too Many Requests. For idempotent operations it is thrown after
 * the retries of the {@link RetryPolicy} ran out, for a POST at once.
 */
public final class RateLimitedException extends OpaApiException {

  private static final long serialVersionUID = 1L;

  private final Instant retryAt;

  RateLimitedException(String message, ErrorDetails details, Instant retryAt) {
    super(message, details);
    this.retryAt = retryAt;
  }

  /**
   * The time from {@code X-RateLimit-Retry-At} or {@code Retry-After} after which the server
   * accepts requests again, if the response named one.
   */
  public Optional<Instant> retryAt() {
    return Optional.ofNullable(retryAt);
  }
}
