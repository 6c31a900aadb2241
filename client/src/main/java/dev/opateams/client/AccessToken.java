package dev.opateams.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token that {@code createServiceToken} issued, with its expiry and Team. The token may
 * stop working before {@link #expiresAt()}. {@link #toString()} never shows the token.
 */
public final class AccessToken {

  private final String bearerToken;
  private final Instant expiresAt;
  private final String teamName;

  AccessToken(String bearerToken, Instant expiresAt, String teamName) {
    this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.teamName = Objects.requireNonNull(teamName, "teamName");
  }

  /** The token to send as {@code Authorization: Bearer <token>}. Never log it. */
  public String bearerToken() {
    return bearerToken;
  }

  /** When the token expires, as the server stated it. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The Team that the token is for. */
  public String teamName() {
    return teamName;
  }

  @Override
  public String toString() {
    return "AccessToken{bearerToken=<redacted>, expiresAt=" + expiresAt + ", teamName=" + teamName
        + "}";
  }
}
