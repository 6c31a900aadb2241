package dev.opateams.mock;

import java.time.Clock;

/**
 * A fixed-window request counter for the X-RateLimit headers: the window is
 * one minute, aligned to the clock's minutes, shared by all teams.
 */
final class RateLimiter {

  private static final long WINDOW_SECONDS = 60;

  private final Clock clock;
  private final int limit;
  private long windowStart = Long.MIN_VALUE;
  private int used;

  RateLimiter(Clock clock, int limit) {
    this.clock = clock;
    this.limit = limit;
  }

  /** The state of the window after a request; {@code allowed} is false when the request is over the limit. */
  record Window(int limit, int remaining, long resetEpochSecond, boolean allowed) {
  }

  /** Counts one API request. */
  synchronized Window acquire() {
    roll();
    boolean allowed = used < limit;
    if (allowed) {
      used++;
    }
    return current(allowed);
  }

  /** Returns the window without counting a request, for pages that are not part of the API. */
  synchronized Window peek() {
    roll();
    return current(true);
  }

  private void roll() {
    long now = clock.instant().getEpochSecond();
    long start = now - Math.floorMod(now, WINDOW_SECONDS);
    if (start != windowStart) {
      windowStart = start;
      used = 0;
    }
  }

  private Window current(boolean allowed) {
    return new Window(limit, limit - used, windowStart + WINDOW_SECONDS, allowed);
  }
}
