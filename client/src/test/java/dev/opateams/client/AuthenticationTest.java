package dev.opateams.client;

import static dev.opateams.client.Fixtures.NOW;
import static dev.opateams.client.Fixtures.TEAM;
import static dev.opateams.client.Fixtures.TEAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opateams.client.ScriptedServer.Recorded;
import dev.opateams.client.ScriptedServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

  private static final String TOKEN_LINE = "POST " + TEAM_PATH + "/service_token";
  private static final String ROLES_LINE = "GET " + TEAM_PATH + "/roles";
  private static final String EMPTY_LIST = "{\"list\":[]}";

  private ScriptedServer server;
  private TestClock clock;
  private final AtomicInteger issuedTokens = new AtomicInteger();

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    clock = new TestClock(NOW);
    server.always(TOKEN_LINE, request -> Reply.json(200, Fixtures.tokenJson(
        token(issuedTokens.incrementAndGet()), clock.instant().plusSeconds(3600), TEAM)));
    server.always(ROLES_LINE, request -> Reply.json(200, EMPTY_LIST));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String token(int number) {
    return "token-" + number + "-" + Fixtures.SECRET_MARKER;
  }

  private OpaTeamsClient serviceUserClient() {
    return Fixtures.clientFor(server, new RecordingSleeper())
        .bearerToken("unused")
        .tokenSupplier(() -> "unused")
        .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET)
        .clock(clock)
        .build();
  }

  private OpaTeamsClient.Builder withoutCredentials() {
    return OpaTeamsClient.builder()
        .baseUrl(server.baseUrl())
        .teamName(TEAM)
        .logLevel(LogLevel.BODY)
        .clock(clock)
        .sleeper(new RecordingSleeper());
  }

  @Test
  void serviceUserTokenIsExchangedAndSent() {
    try (OpaTeamsClient client = withoutCredentials()
        .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET).build()) {

      client.listRoles().stream().count();

      assertThat(server.requests(TOKEN_LINE)).hasSize(1);
      assertThat(server.requests(ROLES_LINE).get(0).header("Authorization"))
          .isEqualTo("Bearer " + token(1));
    }
  }

  @Test
  void tokenIsCachedUntilShortlyBeforeExpiry() {
    try (OpaTeamsClient client = withoutCredentials()
        .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET).build()) {
      client.listRoles().stream().count();

      clock.advance(Duration.ofSeconds(3600 - 61));
      client.listRoles().stream().count();
      clock.advance(Duration.ofSeconds(1));
      client.listRoles().stream().count();

      assertThat(server.requests(TOKEN_LINE)).hasSize(2);
      assertThat(server.requests(ROLES_LINE).stream().map(r -> r.header("Authorization")))
          .containsExactly("Bearer " + token(1), "Bearer " + token(1), "Bearer " + token(2));
    }
  }

  @Test
  void concurrentCallersShareOneRenewal() throws Exception {
    try (OpaTeamsClient client = withoutCredentials()
        .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET).build()) {
      client.listRoles().stream().count();
      clock.advance(Duration.ofHours(2));
      int threads = 32;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Long>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(() -> {
          start.await();
          return client.listRoles().stream().count();
        });
      }

      List<Future<Long>> results = new ArrayList<>();
      for (Callable<Long> call : calls) {
        results.add(pool.submit(call));
      }
      start.countDown();
      for (Future<Long> result : results) {
        result.get();
      }
      pool.shutdown();

      assertThat(server.requests(TOKEN_LINE)).hasSize(2);
      assertThat(server.requests(ROLES_LINE).stream().skip(1).map(r -> r.header("Authorization"))
          .collect(Collectors.toSet())).containsExactly("Bearer " + token(2));
    }
  }

  @Test
  void unauthorizedResponseRenewsTokenAndRetriesOnce() {
    try (OpaTeamsClient client = withoutCredentials()
        .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET).build()) {
      server.enqueue(ROLES_LINE, Reply.json(401,
          "{\"code\":401,\"error\":\"authentication_error\",\"message\":\"expired\"}"));

      long count = client.listRoles().stream().count();

      assertThat(count).isZero();
      assertThat(server.requests(TOKEN_LINE)).hasSize(2);
      assertThat(server.requests(ROLES_LINE).stream().map(r -> r.header("Authorization")))
          .containsExactly("Bearer " + token(1), "Bearer " + token(2));
    }
  }

  @Test
  void secondUnauthorizedResponseIsThrown() {
    try (OpaTeamsClient client = withoutCredentials()
        .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET).build()) {
      Reply unauthorized = Reply.json(401, "{\"code\":401,\"error\":\"authentication_error\"}");
      server.enqueue(ROLES_LINE, unauthorized, unauthorized);

      assertThatThrownBy(() -> client.listRoles().stream().count())
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("listRoles (GET /v1/teams/Test_Team/roles) failed with HTTP 401: "
              + "authentication_error");
      assertThat(server.requests(ROLES_LINE)).hasSize(2);
      assertThat(server.requests(TOKEN_LINE)).hasSize(2);
    }
  }

  @Test
  void tokenForAnotherTeamIsRejected() {
    server.always(TOKEN_LINE, request -> Reply.json(200, Fixtures.tokenJson(
        token(99), clock.instant().plusSeconds(3600), "Other_Team")));
    try (OpaTeamsClient client = withoutCredentials()
        .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET).build()) {

      assertThatThrownBy(() -> client.listRoles().stream().count())
          .isInstanceOf(OpaTeamsException.class)
          .hasMessage("createServiceToken (POST /v1/teams/Test_Team/service_token) returned a "
              + "token for team \"Other_Team\", but the client is configured for team "
              + "\"Test_Team\"; the token was rejected");
      assertThat(server.requests(ROLES_LINE)).isEmpty();
    }
  }

  @Test
  void badCredentialsAreThrownWithoutRetry() {
    server.always(TOKEN_LINE, request -> Reply.json(401,
        "{\"code\":401,\"error\":\"authentication_error\",\"message\":\"invalid API key\"}"));
    try (OpaTeamsClient client = withoutCredentials()
        .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET).build()) {

      assertThatThrownBy(() -> client.getTeamStats())
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("createServiceToken (POST /v1/teams/Test_Team/service_token) failed with "
              + "HTTP 401: authentication_error: invalid API key");
      assertThat(server.requests(TOKEN_LINE)).hasSize(1);
    }
  }

  @Test
  void fixedTokenIsNotRenewedAfterUnauthorized() {
    server.enqueue(ROLES_LINE, Reply.json(401, "{\"code\":401,\"error\":\"authentication_error\"}"));
    try (OpaTeamsClient client = withoutCredentials().bearerToken(Fixtures.FIXED_TOKEN).build()) {

      assertThatThrownBy(() -> client.listRoles().stream().count())
          .isInstanceOf(UnauthorizedException.class);
      assertThat(server.requests(ROLES_LINE)).hasSize(1);
      assertThat(server.requests(TOKEN_LINE)).isEmpty();
    }
  }

  @Test
  void tokenSupplierIsAskedAgainAfterUnauthorized() {
    server.enqueue(ROLES_LINE, Reply.json(401, "{\"code\":401,\"error\":\"authentication_error\"}"));
    AtomicInteger supplied = new AtomicInteger();
    try (OpaTeamsClient client = withoutCredentials()
        .tokenSupplier(() -> token(100 + supplied.incrementAndGet())).build()) {

      client.listRoles().stream().count();

      List<Recorded> sent = server.requests(ROLES_LINE);
      assertThat(sent.stream().map(r -> r.header("Authorization")))
          .containsExactly("Bearer " + token(101), "Bearer " + token(102));
    }
  }

  @Test
  void blankSuppliedTokenIsRejected() {
    try (OpaTeamsClient client = withoutCredentials().tokenSupplier(() -> " ").build()) {

      assertThatThrownBy(() -> client.getTeamSettings())
          .isInstanceOf(OpaTeamsException.class)
          .hasMessage("The tokenSupplier returned a null or blank token");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void twoCredentialKindsInOneBuilderAreRejected() {
    assertThatThrownBy(this::serviceUserClient)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Only one of serviceUser, bearerToken and tokenSupplier may be set, but 3 were set");
  }

  @Test
  void credentialsAndTokenHideSecretsInToString() {
    ServiceUserCredentials credentials =
        ServiceUserCredentials.of(Fixtures.KEY_ID, Fixtures.KEY_SECRET);
    AccessToken token = new AccessToken(token(7), NOW, TEAM);

    assertThat(credentials).hasToString(
        "ServiceUserCredentials{keyId=" + Fixtures.KEY_ID + ", keySecret=<redacted>}");
    assertThat(token).hasToString(
        "AccessToken{bearerToken=<redacted>, expiresAt=2026-11-30T10:00:00Z, teamName=Test_Team}");
  }

  @Test
  void tokenWithoutExpiryIsRejected() {
    server.always(TOKEN_LINE, request -> Reply.json(200,
        "{\"bearer_token\":\"" + token(5) + "\",\"team_name\":\"Test_Team\"}"));
    try (OpaTeamsClient client = withoutCredentials()
        .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET).build()) {

      assertThatThrownBy(() -> client.getTeamStats())
          .isInstanceOf(OpaTeamsException.class)
          .hasMessage("createServiceToken (POST /v1/teams/Test_Team/service_token) returned a "
              + "token without bearer_token, expires_at or team_name");
      assertThat(server.requests(ROLES_LINE)).isEmpty();
    }
  }

  @Test
  void invalidTokenBodyHidesParserDetails() {
    server.always(TOKEN_LINE, request -> Reply.json(200, "{\"bearer_token\":\"" + token(6)));
    try (OpaTeamsClient client = withoutCredentials()
        .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET).build()) {

      assertThatThrownBy(() -> client.getTeamStats())
          .isInstanceOf(OpaTeamsException.class)
          .hasMessage("createServiceToken (POST /v1/teams/Test_Team/service_token) returned a "
              + "body that is not a valid ServiceToken")
          .hasNoCause();
    }
  }
}
