package dev.opateams.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks bearer tokens: JWTs signed with HMAC-SHA256 under a key
 * that each server instance draws at random, so a token from another
 * instance, or one that was altered, fails the signature check.
 */
final class TokenIssuer {

  private static final String HEADER = Base64.getUrlEncoder().withoutPadding()
      .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
  private static final String ISSUER = "opa-teams-mock";

  private final ObjectMapper mapper = new ObjectMapper();
  private final byte[] key = new byte[32];
  private final Clock clock;
  private final Duration lifetime;

  TokenIssuer(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
    new SecureRandom().nextBytes(key);
  }

  /** A token and the instant, in whole seconds, at which it expires. */
  record Issued(String token, Instant expiresAt) {
    @Override
    public String toString() {
      return "Issued[token=<redacted>, expiresAt=" + expiresAt + "]";
    }
  }

  /** The claims of a valid token. */
  record Claims(String team, UUID keyId) {
  }

  Issued issue(String team, UUID keyId) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    ObjectNode payload = mapper.createObjectNode()
        .put("iss", ISSUER)
        .put("sub", keyId.toString())
        .put("team", team)
        .put("iat", now.getEpochSecond())
        .put("exp", expiresAt.getEpochSecond())
        .put("jti", UUID.randomUUID().toString());
    String body = HEADER + "." + encode(payload.toString().getBytes(StandardCharsets.UTF_8));
    return new Issued(body + "." + encode(sign(body)), expiresAt);
  }

  /**
   * Checks a token's form, signature and expiry.
   *
   * @throws ApiException 401 naming what is wrong, without repeating the token
   */
  Claims verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw ApiException.unauthenticated("The bearer token is malformed: a JWT has three parts.");
    }
    byte[] signature;
    JsonNode payload;
    try {
      signature = Base64.getUrlDecoder().decode(parts[2]);
      payload = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IllegalArgumentException | IOException e) {
      throw ApiException.unauthenticated("The bearer token is malformed: its parts are not base64url JSON.");
    }
    if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
      throw ApiException.unauthenticated("The bearer token was not issued by this server.");
    }
    if (!payload.path("exp").canConvertToLong() || !payload.path("team").isTextual()) {
      throw ApiException.unauthenticated("The bearer token is malformed: it lacks exp or team.");
    }
    if (clock.instant().getEpochSecond() >= payload.get("exp").asLong()) {
      throw ApiException.unauthenticated("The bearer token is expired.");
    }
    return new Claims(payload.get("team").asText(), UUID.fromString(payload.path("sub").asText()));
  }

  private byte[] sign(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
