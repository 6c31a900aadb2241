package dev.opateams.client;

import java.util.Objects;
import java.util.UUID;

/**
 * The API key of an OPA service user: the key ID and the key secret that the client exchanges for
 * a bearer token. {@link #toString()} never shows the secret.
 */
public final class ServiceUserCredentials {

  private static final int MAX_SECRET_LENGTH = 512;

  private final UUID keyId;
  private final String keySecret;

  private ServiceUserCredentials(UUID keyId, String keySecret) {
    this.keyId = keyId;
    this.keySecret = keySecret;
  }

  /**
   * Creates credentials from a key ID and a key secret.
   *
   * @throws IllegalArgumentException if {@code keyId} is not a UUID or {@code keySecret} is empty
   *     or longer than 512 characters
   */
  public static ServiceUserCredentials of(String keyId, String keySecret) {
    Objects.requireNonNull(keyId, "keyId must not be null");
    Objects.requireNonNull(keySecret, "keySecret must not be null");

    UUID parsedKeyId;
    try {
      parsedKeyId = UUID.fromString(keyId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("keyId must be a UUID, but was: \"" + keyId + "\"", e);
    }
    if (keySecret.isEmpty() || keySecret.length() > MAX_SECRET_LENGTH) {
      // The value itself stays out of the message because it is a secret.
      throw new IllegalArgumentException("keySecret must be 1 to " + MAX_SECRET_LENGTH
          + " characters long, but was " + keySecret.length() + " characters long");
    }
    return new ServiceUserCredentials(parsedKeyId, keySecret);
  }

  /** The ID of the API key. */
  public UUID keyId() {
    return keyId;
  }

  String keySecret() {
    return keySecret;
  }

  @Override
  public String toString() {
    return "ServiceUserCredentials{keyId=" + keyId + ", keySecret=<redacted>}";
  }
}
