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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
  private static final int MAX_CACHED_TOKENS = 10_000;

  private final ObjectMapper mapper = new ObjectMapper();
  private final byte[] key = new byte[32];
  private final Clock clock;
  private final Duration lifetime;
  /** A Mac per thread, because a Mac is not thread-safe and creating one costs more than signing. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
  /**
   * Tokens whose signature and form were already checked, so that a request
   * with a known token costs a map lookup and an expiry check. Emptied when
   * full, which only costs the checks again.
   */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

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
    Verified cached = verified.get(token);
    if (cached != null) {
      checkExpiry(cached.expiresAt());
      return cached.claims();
    }

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

    long expiresAt = payload.get("exp").asLong();
    checkExpiry(expiresAt);
    Claims claims = new Claims(payload.get("team").asText(), UUID.fromString(payload.path("sub").asText()));
    if (verified.size() >= MAX_CACHED_TOKENS) {
      verified.clear();
    }
    verified.put(token, new Verified(claims, expiresAt));
    return claims;
  }

  private void checkExpiry(long expiresAt) {
    if (clock.instant().getEpochSecond() >= expiresAt) {
      throw ApiException.unauthenticated("The bearer token is expired.");
    }
  }

  /** The claims of a token whose signature was checked, and its expiry in unix seconds. */
  private record Verified(Claims claims, long expiresAt) {
  }

  private byte[] sign(String content) {
    return macs.get().doFinal(content.getBytes(StandardCharsets.US_ASCII));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
