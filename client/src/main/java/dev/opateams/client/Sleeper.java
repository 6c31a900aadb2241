package dev.opateams.client;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the calling thread; tests inject one that records the
 * requested delays instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {

  /** A sleeper that blocks the calling thread with {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Blocks for {@code duration}.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
