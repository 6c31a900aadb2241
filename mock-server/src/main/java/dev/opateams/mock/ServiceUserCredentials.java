package dev.opateams.mock;

import java.util.Objects;
import java.util.UUID;

/**
 * The API key of a service user of the mock server: its team, name, key ID
 * and key secret. {@link #toString()} leaves the secret out.
 */
public final class ServiceUserCredentials {

  private final String teamName;
  private final String name;
  private final UUID keyId;
  private final String keySecret;

  ServiceUserCredentials(String teamName, String name, UUID keyId, String keySecret) {
    this.teamName = Objects.requireNonNull(teamName, "teamName");
    this.name = Objects.requireNonNull(name, "name");
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.keySecret = Objects.requireNonNull(keySecret, "keySecret");
  }

  public String teamName() {
    return teamName;
  }

  /** The service user's name, for example {@code demo-admin}. */
  public String name() {
    return name;
  }

  public UUID keyId() {
    return keyId;
  }

  public String keySecret() {
    return keySecret;
  }

  @Override
  public String toString() {
    return "ServiceUserCredentials[team=" + teamName + ", name=" + name + ", keyId=" + keyId
        + ", keySecret=<redacted>]";
  }
}
