package dev.opateams.client;

import java.time.Instant;

/**
 * Shared test values. Every secret contains {@link #SECRET_MARKER}, which the secret scan looks for
 * in the log of the whole test run.
 */
final class Fixtures {

  static final String SECRET_MARKER = "s3cr3t-marker";
  static final String TEAM = "Test_Team";
  static final String KEY_ID = "0e7c3a2f-5b8d-4c1e-9a6f-3d2b1c0e9f87";
  static final String KEY_SECRET = "key-" + SECRET_MARKER + "-4f1b";
  static final String FIXED_TOKEN = "fixed-token-" + SECRET_MARKER;
  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  static final String TEAM_PATH = "/v1/teams/" + TEAM;

  private Fixtures() {
  }

  /**
   * A builder aimed at {@code server} with a fixed token, the most verbose wire logging, retries
   * without jitter and a sleeper that does not sleep.
   */
  static OpaTeamsClient.Builder clientFor(ScriptedServer server, RecordingSleeper sleeper) {
    return OpaTeamsClient.builder()
        .baseUrl(server.baseUrl())
        .teamName(TEAM)
        .bearerToken(FIXED_TOKEN)
        .logLevel(LogLevel.BODY)
        .clock(new TestClock(NOW))
        .sleeper(sleeper)
        .retryPolicy(RetryPolicy.builder().jitter(0.0).build());
  }

  static String tokenJson(String token, Instant expiresAt, String team) {
    return "{\"bearer_token\":\"" + token + "\",\"expires_at\":\"" + expiresAt
        + "\",\"team_name\":\"" + team + "\"}";
  }

  static String serversJson(int from, int count) {
    StringBuilder json = new StringBuilder("{\"list\":[");
    for (int i = from; i < from + count; i++) {
      if (i > from) {
        json.append(',');
      }
      json.append("{\"id\":\"00000000-0000-0000-0000-").append(String.format("%012d", i))
          .append("\",\"hostname\":\"host-").append(i).append("\",\"team_name\":\"")
          .append(TEAM).append("\",\"project_name\":\"p\",\"managed\":true,\"state\":\"ACTIVE\""
              + ",\"os_type\":\"linux\",\"registered_at\":\"0001-01-01T00:00:00Z\""
              + ",\"last_seen\":\"0001-01-01T00:00:00Z\",\"deleted_at\":\"0001-01-01T00:00:00Z\"}");
    }
    return json.append("]}").toString();
  }
}
