package dev.opateams.mock;

import static dev.opateams.mock.TestHttp.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LimitsAndFaultsTest {

  private static final String SERVERS = "/v1/teams/" + TEAM + "/servers";
  private static final String TOKEN_PATH = "/v1/teams/" + TEAM + "/service_token";

  @Test
  void everyAnswerCarriesRateLimitHeaders() {
    try (MockServer server = MockServer.builder().build().start()) {
      String token = TestHttp.token(server, "demo-admin");

      for (String path : new String[] {SERVERS, "/v1/teams/" + TEAM + "/nothing", "/docs", "/openapi.yaml"}) {
        TestHttp.Answer answer = TestHttp.get(server, path).bearer(token).send();

        assertThat(answer.header("X-RateLimit-Limit")).as(path).isEqualTo("10000");
        assertThat(answer.header("X-RateLimit-Remaining")).as(path).isNotNull();
        assertThat(answer.header("X-RateLimit-Reset")).as(path).isNotNull();
        assertThat(answer.header("X-Request-Id")).as(path).isNotBlank();
      }
      assertThat(TestHttp.get(server, SERVERS).send().header("X-RateLimit-Limit")).isEqualTo("10000");
    }
  }

  @Test
  void remainingCountsDownWithinWindow() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:05Z"));
    try (MockServer server = MockServer.builder().clock(clock).rateLimitPerMinute(5).build().start()) {
      String token = TestHttp.token(server, "demo-admin");

      TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(token).send();

      assertThat(answer.header("X-RateLimit-Limit")).isEqualTo("5");
      assertThat(answer.header("X-RateLimit-Remaining")).isEqualTo("3");
      assertThat(answer.header("X-RateLimit-Reset")).isEqualTo(
          Long.toString(Instant.parse("2026-12-01T10:01:00Z").getEpochSecond()));
    }
  }

  @Test
  void requestOverLimitGetsTooManyRequests() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:05Z"));
    try (MockServer server = MockServer.builder().clock(clock).rateLimitPerMinute(2).build().start()) {
      String token = TestHttp.token(server, "demo-admin");
      TestHttp.get(server, SERVERS).bearer(token).send();

      TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(token).send();

      long reset = Instant.parse("2026-12-01T10:01:00Z").getEpochSecond();
      assertThat(answer.status()).isEqualTo(429);
      assertThat(answer.header("X-RateLimit-Retry-At")).isEqualTo(Long.toString(reset));
      assertThat(answer.header("Retry-After")).isEqualTo("55");
      assertThat(answer.header("X-RateLimit-Remaining")).isEqualTo("0");
      assertThat(answer.json().get("error").asText()).isEqualTo("too_many_requests");
      assertThat(answer.message()).isEqualTo("Rate limit exceeded: 2 requests a minute. Retry after " + reset + ".");
    }
  }

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:05.300Z"));
    try (MockServer server = MockServer.builder().clock(clock).rateLimitPerMinute(1).build().start()) {
      String token = TestHttp.token(server, "demo-admin");

      TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(token).send();

      assertThat(answer.status()).isEqualTo(429);
      assertThat(answer.header("X-RateLimit-Retry-At")).isEqualTo(
          Long.toString(Instant.parse("2026-12-01T10:01:00Z").getEpochSecond()));
      assertThat(answer.header("Retry-After")).isEqualTo("55");
    }
  }

  @Test
  void retryAfterIsAtLeastOneSecond() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:59.900Z"));
    try (MockServer server = MockServer.builder().clock(clock).rateLimitPerMinute(1).build().start()) {
      String token = TestHttp.token(server, "demo-admin");

      TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(token).send();

      assertThat(answer.status()).isEqualTo(429);
      assertThat(answer.header("X-RateLimit-Retry-At")).isEqualTo(
          Long.toString(Instant.parse("2026-12-01T10:01:00Z").getEpochSecond()));
      assertThat(answer.header("Retry-After")).isEqualTo("1");
    }
  }

  @Test
  void limitResetsInNextWindow() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:05Z"));
    try (MockServer server = MockServer.builder().clock(clock).rateLimitPerMinute(1).build().start()) {
      String token = TestHttp.token(server, "demo-admin");
      clock.advance(Duration.ofMinutes(1));

      TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(token).send();

      assertThat(answer.status()).isEqualTo(200);
    }
  }

  @Test
  void tooManyRequestsFaultCarriesRetryAt() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:05Z"));
    try (MockServer server = MockServer.builder().clock(clock).faults(1, 0).build().start()) {
      TestHttp.Answer answer = TestHttp.get(server, SERVERS).send();

      assertThat(answer.status()).isEqualTo(429);
      assertThat(answer.header("X-RateLimit-Retry-At")).isEqualTo(
          Long.toString(Instant.parse("2026-12-01T10:00:06Z").getEpochSecond()));
      assertThat(answer.header("Retry-After")).isEqualTo("1");
      assertThat(answer.header("X-RateLimit-Limit")).isEqualTo("10000");
    }
  }

  @Test
  void unavailableFaultAnswers503() {
    try (MockServer server = MockServer.builder().faults(0, 1).build().start()) {
      TestHttp.Answer answer = TestHttp.get(server, SERVERS).send();

      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.json().get("error").asText()).isEqualTo("service_offline");
      assertThat(answer.message()).isEqualTo("The service is unavailable (simulated). Retry in 1 second.");
    }
  }

  @Test
  void faultsSpareDocumentation() {
    try (MockServer server = MockServer.builder().faults(0, 1).build().start()) {
      assertThat(TestHttp.get(server, "/openapi.yaml").send().status()).isEqualTo(200);
    }
  }

  @Test
  void faultShareAffectsPartOfRequests() {
    try (MockServer server = MockServer.builder().faults(0.5, 0).build().start()) {
      int faults = 0;
      for (int i = 0; i < 100; i++) {
        if (TestHttp.get(server, SERVERS).send().status() == 429) {
          faults++;
        }
      }

      assertThat(faults).isBetween(20, 80);
    }
  }

  @Test
  void latencyDelaysApiRequests() {
    try (MockServer server = MockServer.builder().latency(Duration.ofMillis(300)).build().start()) {
      long start = System.nanoTime();

      TestHttp.get(server, SERVERS).send();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void bodyOverOneMebibyteIsRejected() {
    byte[] body = new byte[RequestLifecycleFilter.MAX_BODY_BYTES + 1];
    Arrays.fill(body, (byte) ' ');
    try (MockServer server = MockServer.builder().build().start()) {
      TestHttp.Answer answer = TestHttp.request(server, "POST", TOKEN_PATH)
          .header("Content-Type", "application/json")
          .body(body)
          .send();

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.message()).isEqualTo("The request body is larger than 1048576 bytes (1 MiB).");
      assertThat(answer.json().get("error_cause").toString())
          .isEqualTo("[{\"error\":\"body: must be at most 1048576 bytes\",\"location_type\":\"body\"}]");
    }
  }

  @Test
  void bodyOfOneMebibyteIsRead() {
    byte[] body = new byte[RequestLifecycleFilter.MAX_BODY_BYTES];
    Arrays.fill(body, (byte) ' ');
    byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(json, 0, body, 0, json.length);
    try (MockServer server = MockServer.builder().build().start()) {
      TestHttp.Answer answer = TestHttp.request(server, "POST", TOKEN_PATH)
          .header("Content-Type", "application/json")
          .body(body)
          .send();

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.message()).isEqualTo("key_id: is required; key_secret: is required");
    }
  }

  @Test
  void unacceptableMediaTypeIsRejected() {
    try (MockServer server = MockServer.builder().build().start()) {
      String token = TestHttp.token(server, "demo-admin");

      TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(token).header("Accept", "application/xml").send();

      assertThat(answer.status()).isEqualTo(406);
      assertThat(answer.message()).isEqualTo("The response can only be application/json; check the Accept header.");
    }
  }
}
