package dev.opateams.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long the client waits before it repeats a request.
 *
 * <p>The client retries a response of 429 or 503 and a connection failure, and only for the
 * idempotent operations (GET and the PUT of {@code updateTeamSettings}). A POST is retried only
 * when the connection could not be opened, because only then the server cannot have seen it.
 *
 * <p>The wait is the time that {@code X-RateLimit-Retry-At} (unix seconds) or {@code Retry-After}
 * (seconds or an HTTP date) requests. Without either header it is {@link #initialDelay()} doubled
 * at every retry. A random share of up to {@link #jitter()} of the wait is added, and the result
 * is capped at {@link #maxDelay()}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration maxDelay;
  private final Duration initialDelay;
  private final double jitter;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.maxDelay = builder.maxDelay;
    this.initialDelay = builder.initialDelay;
    this.jitter = builder.jitter;
  }

  /** The default policy: 3 retries, 30 s cap, 500 ms initial delay, 20 % jitter. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** A policy that never retries. */
  public static RetryPolicy none() {
    return builder().maxRetries(0).build();
  }

  /** Starts a builder with the default values. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of retries after the first attempt. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The longest wait before a retry, jitter included. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The wait before the first retry when the response names no time. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** The largest random share of the wait that is added to it, from 0.0 to 1.0. */
  public double jitter() {
    return jitter;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", maxDelay=" + maxDelay + ", initialDelay="
        + initialDelay + ", jitter=" + jitter + "}";
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {

    private int maxRetries = 3;
    private Duration maxDelay = Duration.ofSeconds(30);
    private Duration initialDelay = Duration.ofMillis(500);
    private double jitter = 0.2;

    private Builder() {
    }

    /**
     * Sets the number of retries after the first attempt; 0 turns retries off.
     *
     * @throws IllegalArgumentException if {@code maxRetries} is negative
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be 0 or more, but was: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the longest wait before a retry.
     *
     * @throws IllegalArgumentException if {@code maxDelay} is negative
     */
    public Builder maxDelay(Duration maxDelay) {
      Objects.requireNonNull(maxDelay, "maxDelay must not be null");
      if (maxDelay.isNegative()) {
        throw new IllegalArgumentException("maxDelay must not be negative, but was: " + maxDelay);
      }
      this.maxDelay = maxDelay;
      return this;
    }

    /**
     * Sets the wait before the first retry when the response names no time.
     *
     * @throws IllegalArgumentException if {@code initialDelay} is negative
     */
    public Builder initialDelay(Duration initialDelay) {
      Objects.requireNonNull(initialDelay, "initialDelay must not be null");
      if (initialDelay.isNegative()) {
        throw new IllegalArgumentException(
            "initialDelay must not be negative, but was: " + initialDelay);
      }
      this.initialDelay = initialDelay;
      return this;
    }

    /**
     * Sets the largest random share of the wait that is added to it; 0.0 turns jitter off.
     *
     * @throws IllegalArgumentException if {@code jitter} is not between 0.0 and 1.0
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException(
            "jitter must be between 0.0 and 1.0, but was: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** Builds the policy. */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
