package dev.opateams.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The source of each request's bearer token. Implementations are thread-safe. */
interface TokenSource {

  /** Returns the token to send now, renewing it first where needed. */
  String token();

  /**
   * Drops {@code rejected} after the server answered 401 to it. Returns whether {@link #token()}
   * may now return a different token, so that one retry makes sense.
   */
  boolean renewAfterRejection(String rejected);

  /** A token that the caller gave once; it cannot be renewed. */
  static TokenSource fixed(String token) {
    return new TokenSource() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public boolean renewAfterRejection(String rejected) {
        return false;
      }
    };
  }

  /** A token from the caller's supplier, asked before every request and again after a 401. */
  static TokenSource supplied(Supplier<String> supplier) {
    return new TokenSource() {
      @Override
      public String token() {
        String token = supplier.get();
        if (token == null || token.isBlank()) {
          throw new OpaTeamsException("The tokenSupplier returned a null or blank token");
        }
        return token;
      }

      @Override
      public boolean renewAfterRejection(String rejected) {
        return true;
      }
    };
  }

  /**
   * Exchanges service-user credentials for a token and caches it. The token is renewed when the
   * clock reaches {@link #RENEW_BEFORE_EXPIRY} before {@code expires_at} (or half the lifetime, if
   * that is shorter). Callers that find the token due for renewal at the same time wait for a
   * single exchange and share its result.
   */
  final class ServiceUser implements TokenSource {

    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(OpaTeamsClient.class);

    private final Supplier<AccessToken> exchange;
    private final Clock clock;
    private final Object renewalLock = new Object();
    private volatile CachedToken cached;

    ServiceUser(Supplier<AccessToken> exchange, Clock clock) {
      this.exchange = Objects.requireNonNull(exchange, "exchange");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String token() {
      CachedToken current = cached;
      if (current != null && current.isFresh(clock.instant())) {
        return current.token().bearerToken();
      }
      synchronized (renewalLock) {
        current = cached;
        if (current != null && current.isFresh(clock.instant())) {
          return current.token().bearerToken();
        }
        LOG.debug("Requesting a new service token ({})",
            current == null ? "none cached yet" : "the cached one expires at "
                + current.token().expiresAt());
        Instant requestedAt = clock.instant();
        AccessToken fresh = exchange.get();
        cached = new CachedToken(fresh, renewalTime(requestedAt, fresh.expiresAt()));
        LOG.debug("Received a service token for team {} that expires at {}",
            fresh.teamName(), fresh.expiresAt());
        return fresh.bearerToken();
      }
    }

    @Override
    public boolean renewAfterRejection(String rejected) {
      synchronized (renewalLock) {
        CachedToken current = cached;
        // Another thread may already have replaced the rejected token; keep the new one then.
        if (current != null && current.token().bearerToken().equals(rejected)) {
          cached = null;
        }
      }
      return true;
    }

    private static Instant renewalTime(Instant requestedAt, Instant expiresAt) {
      Duration lifetime = Duration.between(requestedAt, expiresAt);
      if (lifetime.isNegative()) {
        return expiresAt;
      }
      Duration margin = lifetime.dividedBy(2).compareTo(RENEW_BEFORE_EXPIRY) < 0
          ? lifetime.dividedBy(2)
          : RENEW_BEFORE_EXPIRY;
      return expiresAt.minus(margin);
    }

    private record CachedToken(AccessToken token, Instant renewAt) {
      boolean isFresh(Instant now) {
        return now.isBefore(renewAt);
      }
    }
  }
}
