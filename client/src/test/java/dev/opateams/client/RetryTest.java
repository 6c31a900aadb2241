package dev.opateams.client;

import static dev.opateams.client.Fixtures.NOW;
import static dev.opateams.client.Fixtures.TEAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opateams.client.ScriptedServer.Reply;
import dev.opateams.client.model.CheckoutResourceType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {

  private static final String STATS_LINE = "GET " + TEAM_PATH + "/team_stats";
  private static final String SETTINGS_LINE = "PUT " + TEAM_PATH + "/settings";
  private static final String CHECKIN_LINE = "POST " + TEAM_PATH + "/checkin_resource";
  private static final String STATS_JSON = "{\"num_clients\":1,\"num_gateways\":0,"
      + "\"num_groups\":0,\"num_human_users\":0,\"num_projects\":0,\"num_servers\":0,"
      + "\"num_service_users\":0}";
  private static final Reply TOO_MANY =
      Reply.json(429, "{\"code\":429,\"error\":\"too_many_requests\"}");

  private ScriptedServer server;
  private RecordingSleeper sleeper;
  private OpaTeamsClient client;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    sleeper = new RecordingSleeper();
    client = Fixtures.clientFor(server, sleeper).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void rateLimitedGetWaitsUntilRetryAt() {
    server.enqueue(STATS_LINE,
        TOO_MANY.header("X-RateLimit-Retry-At", String.valueOf(NOW.getEpochSecond() + 7)),
        Reply.json(200, STATS_JSON));

    int clients = client.getTeamStats().getNumClients();

    assertThat(clients).isEqualTo(1);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    server.enqueue(STATS_LINE, Reply.status(503).header("Retry-After", "4"),
        Reply.json(200, STATS_JSON));

    client.getTeamStats();

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void retryAfterHttpDateIsHonoured() {
    server.enqueue(STATS_LINE,
        Reply.status(503).header("Retry-After", "Mon, 30 Nov 2026 10:00:09 GMT"),
        Reply.json(200, STATS_JSON));

    client.getTeamStats();

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(9));
  }

  @Test
  void waitIsCappedAtMaxDelay() {
    server.enqueue(STATS_LINE,
        TOO_MANY.header("X-RateLimit-Retry-At", String.valueOf(NOW.getEpochSecond() + 3600)),
        Reply.json(200, STATS_JSON));

    client.getTeamStats();

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void backoffDoublesWithoutHeaders() {
    server.enqueue(STATS_LINE, Reply.status(503), Reply.status(503), Reply.status(503),
        Reply.json(200, STATS_JSON));

    client.getTeamStats();

    assertThat(sleeper.sleeps()).containsExactly(
        Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void jitterAddsAtMostItsShare() {
    try (OpaTeamsClient jittered = Fixtures.clientFor(server, sleeper)
        .retryPolicy(RetryPolicy.builder().jitter(0.5).build()).build()) {
      server.enqueue(STATS_LINE, Reply.status(503).header("Retry-After", "10"),
          Reply.json(200, STATS_JSON));

      jittered.getTeamStats();

      assertThat(sleeper.sleeps().get(0))
          .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(15));
    }
  }

  @Test
  void retriesAreBoundedByMaxRetries() {
    server.always(STATS_LINE, request -> Reply.status(503));

    assertThatThrownBy(() -> client.getTeamStats())
        .isInstanceOf(ServerErrorException.class)
        .hasMessage("getTeamStats (GET /v1/teams/Test_Team/team_stats) failed with HTTP 503 "
            + "and an empty body");
    assertThat(server.requests()).hasSize(4);
    assertThat(sleeper.sleeps()).hasSize(3);
  }

  @Test
  void serverErrorOtherThan503IsNotRetried() {
    server.always(STATS_LINE, request -> Reply.status(500));

    assertThatThrownBy(() -> client.getTeamStats()).isInstanceOf(ServerErrorException.class);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void settingsUpdateIsRetriedBecausePutIsIdempotent() {
    server.enqueue(SETTINGS_LINE, TOO_MANY, Reply.status(204));

    client.updateTeamSettings(SettingsUpdate.builder().webSessionDuration(1800).build());

    assertThat(server.requests(SETTINGS_LINE)).hasSize(2);
  }

  @Test
  void rateLimitedPostIsNotRetried() {
    server.enqueue(CHECKIN_LINE, TOO_MANY, Reply.status(204));

    assertThatThrownBy(() -> client.checkinResource("r-1",
        CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN))
        .isInstanceOf(RateLimitedException.class);
    assertThat(server.requests(CHECKIN_LINE)).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void postIsNotRetriedAfterTheConnectionDropped() {
    server.enqueue(CHECKIN_LINE, Reply.dropConnection(), Reply.status(204));

    assertThatThrownBy(() -> client.checkinResource("r-1",
        CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN))
        .isInstanceOf(OpaTeamsException.class)
        .hasMessageStartingWith("checkinResource (POST /v1/teams/Test_Team/checkin_resource) "
            + "failed after 1 attempt: ");
    assertThat(server.requests(CHECKIN_LINE)).hasSize(1);
  }

  @Test
  void getIsRetriedAfterTheConnectionDropped() {
    server.enqueue(STATS_LINE, Reply.dropConnection(), Reply.json(200, STATS_JSON));

    int clients = client.getTeamStats().getNumClients();

    assertThat(clients).isEqualTo(1);
    assertThat(server.requests(STATS_LINE)).hasSize(2);
  }

  @Test
  void postIsRetriedWhenTheConnectionWasRefused() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (OpaTeamsClient refused = Fixtures.clientFor(server, sleeper)
        .baseUrl("http://127.0.0.1:" + closedPort).build()) {

      assertThatThrownBy(() -> refused.checkinResource("r-1",
          CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN))
          .isInstanceOf(OpaTeamsException.class)
          .hasMessageStartingWith("checkinResource (POST /v1/teams/Test_Team/checkin_resource) "
              + "failed after 4 attempts: ConnectException");
      assertThat(sleeper.sleeps()).hasSize(3);
    }
  }

  @Test
  void interruptDuringWaitRestoresTheFlag() {
    server.enqueue(STATS_LINE, Reply.status(503), Reply.json(200, STATS_JSON));
    try (OpaTeamsClient interrupted = Fixtures.clientFor(server, sleeper)
        .sleeper(duration -> {
          throw new InterruptedException("test");
        }).build()) {

      assertThatThrownBy(interrupted::getTeamStats)
          .isInstanceOf(OpaTeamsException.class)
          .hasMessage("Interrupted while waiting to retry getTeamStats "
              + "(GET /v1/teams/Test_Team/team_stats)");
      assertThat(Thread.interrupted()).isTrue();
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void noRetryPolicyThrowsTheFirstFailure() {
    try (OpaTeamsClient once = Fixtures.clientFor(server, sleeper)
        .retryPolicy(RetryPolicy.none()).build()) {
      server.enqueue(STATS_LINE, TOO_MANY, Reply.json(200, STATS_JSON));

      assertThatThrownBy(once::getTeamStats).isInstanceOf(RateLimitedException.class);
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void retryAtInThePastRetriesAtOnce() {
    server.enqueue(STATS_LINE,
        TOO_MANY.header("X-RateLimit-Retry-At", String.valueOf(NOW.getEpochSecond() - 5)),
        Reply.json(200, STATS_JSON));

    client.getTeamStats();

    assertThat(sleeper.sleeps()).containsExactly(Duration.ZERO);
  }

  @Test
  void invalidRetryAfterFallsBackToBackoff() {
    server.enqueue(STATS_LINE, Reply.status(503).header("Retry-After", "soon"),
        Reply.json(200, STATS_JSON));

    client.getTeamStats();

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void readTimeoutIsRetriedForGet() {
    server.enqueue(STATS_LINE, new Reply(-2, java.util.Map.of(), ""), Reply.json(200, STATS_JSON));
    try (OpaTeamsClient impatient = Fixtures.clientFor(server, sleeper)
        .readTimeout(Duration.ofMillis(300)).build()) {

      int clients = impatient.getTeamStats().getNumClients();

      assertThat(clients).isEqualTo(1);
      assertThat(server.requests(STATS_LINE)).hasSize(2);
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }
  }

  @Test
  void readTimeoutEndsPostWithoutRetry() {
    server.enqueue(CHECKIN_LINE, new Reply(-2, java.util.Map.of(), ""), Reply.status(204));
    try (OpaTeamsClient impatient = Fixtures.clientFor(server, sleeper)
        .readTimeout(Duration.ofMillis(300)).build()) {

      assertThatThrownBy(() -> impatient.checkinResource("r-1",
          CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN))
          .isInstanceOf(OpaTeamsException.class)
          .hasMessage("checkinResource (POST /v1/teams/Test_Team/checkin_resource) failed after "
              + "1 attempt: HttpTimeoutException request timed out");
      assertThat(server.requests(CHECKIN_LINE)).hasSize(1);
    }
  }
}
