package dev.opateams.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.opateams.client.AccessToken;
import dev.opateams.client.ForbiddenException;
import dev.opateams.client.ListCheckedOutResourcesRequest;
import dev.opateams.client.ListServersRequest;
import dev.opateams.client.NotFoundException;
import dev.opateams.client.OpaTeamsClient;
import dev.opateams.client.RateLimitedException;
import dev.opateams.client.RetryPolicy;
import dev.opateams.client.ServerErrorException;
import dev.opateams.client.SettingsUpdate;
import dev.opateams.client.UnauthorizedException;
import dev.opateams.client.model.CheckedOutResource;
import dev.opateams.client.model.CheckoutResourceType;
import dev.opateams.client.model.JsonWebKey;
import dev.opateams.client.model.Role;
import dev.opateams.client.model.RoleName;
import dev.opateams.client.model.Server;
import dev.opateams.client.model.ServerState;
import dev.opateams.client.model.TeamSettings;
import dev.opateams.client.model.TeamStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-written client against the mock server over HTTP on 127.0.0.1:
 * authentication, paging, typed errors, partial updates, checks before
 * sending and retries.
 */
class FacadeAgainstMockServerTest {

  private static final String TEAM = "Your_OPA_Team";
  private static final String SERVER_RESOURCE_ID = "3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11";
  private static final String SAAS_RESOURCE_ID = "6f0a2b9c-1d3e-4f5a-8b7c-2e1d0c9b8a77";
  private static final Instant START = Instant.parse("2026-12-01T10:00:05Z");

  private static MockServer server;

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private OpaTeamsClient admin;

  @BeforeAll
  static void startServer() {
    server = MockServer.builder().port(0).build().start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void restoreSeedAndConnect() {
    server.reset();
    admin = clientFor(server, "demo-admin").build();
  }

  @AfterEach
  void disconnect() {
    admin.close();
  }

  @Test
  void tokenExchangeNamesTheTeam() {
    ServiceUserCredentials credentials = server.credentials("demo-admin");

    AccessToken token = admin.createServiceToken(dev.opateams.client.ServiceUserCredentials.of(
        credentials.keyId().toString(), credentials.keySecret()));

    assertThat(token.teamName()).isEqualTo(TEAM);
    assertThat(token.bearerToken()).isNotBlank();
    assertThat(token.toString()).doesNotContain(token.bearerToken());
  }

  @Test
  void listServersStreamsFilteredServersAcrossPages() {
    ListServersRequest active = ListServersRequest.builder().state(ServerState.ACTIVE).pageSize(1).build();

    List<String> hostnames = admin.listServers(active).stream().map(Server::getHostname).toList();

    // One server a page, so four servers took four pages.
    assertThat(hostnames).containsExactly(
        "db-01", "dc-01.corp.example.internal", "legacy-01", "web-01.example.internal");
  }

  @Test
  void listServersKeepsSelectorAcrossPages() {
    ListServersRequest production = ListServersRequest.builder()
        .selector("env=production").includeLabels(true).pageSize(1).build();

    List<Server> servers = admin.listServers(production).stream().toList();

    assertThat(servers).extracting(Server::getHostname).containsExactly("db-01", "web-01.example.internal");
    assertThat(servers).extracting(server -> server.getLabels().get("env")).containsExactly("production", "production");
  }

  @Test
  void listCheckedOutResourcesReturnsTheCallersResources() {
    List<String> ids = admin.listCheckedOutResources(ListCheckedOutResourcesRequest.builder()
        .includePendingCheckin(true).pageSize(1).build()).stream().map(resource -> resource.getResourceId().toString()).toList();

    assertThat(ids).containsExactly(SAAS_RESOURCE_ID, SERVER_RESOURCE_ID);
  }

  @Test
  void checkinRemovesTheResource() {
    admin.checkinResource(SERVER_RESOURCE_ID, CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN);

    List<String> ids = admin.listCheckedOutResources(ListCheckedOutResourcesRequest.builder()
        .includePendingCheckin(true).build()).stream().map(resource -> resource.getResourceId().toString()).toList();
    assertThat(ids).containsExactly(SAAS_RESOURCE_ID);
  }

  @Test
  void secondCheckinIsNotFound() {
    admin.checkinResource(SERVER_RESOURCE_ID, CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN);

    NotFoundException thrown = catchThrowableOfType(NotFoundException.class, () ->
        admin.checkinResource(SERVER_RESOURCE_ID, CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN));

    assertThat(thrown.status()).isEqualTo(404);
    assertThat(thrown.operationId()).isEqualTo("checkinResource");
    assertThat(thrown.method()).isEqualTo("POST");
    assertThat(thrown.path()).isEqualTo("/v1/teams/" + TEAM + "/checkin_resource");
    assertThat(thrown.errorName()).isEqualTo("resource_does_not_exist");
    assertThat(thrown.errorMessage()).isEqualTo("No resource " + SERVER_RESOURCE_ID
        + " of type server_account_password_login is checked out by demo-admin.");
  }

  @Test
  void partialUpdateChangesOnlyTheNamedSettings() {
    admin.updateTeamSettings(SettingsUpdate.builder()
        .postLoginUrl("https://intranet.example.com/welcome")
        .postLogoutUrl("https://intranet.example.com/bye")
        .build());

    admin.updateTeamSettings(SettingsUpdate.builder()
        .clientSessionDuration(Duration.ofHours(8))
        .disablePostLoginUrl()
        .build());

    TeamSettings settings = admin.getTeamSettings();
    assertThat(settings.getClientSessionDuration()).isEqualTo(28800);
    assertThat(settings.getPostLoginUrl()).isNull();
    assertThat(settings.getPostLogoutUrl()).isEqualTo("https://intranet.example.com/bye");
    assertThat(settings.getWebSessionDuration()).isEqualTo(36000);
    assertThat(settings.getApproveDeviceWithoutInteraction()).isFalse();
    assertThat(settings.getReactivateUsersViaIdp()).isFalse();
    assertThat(settings.getPostDeviceEnrollmentUrl()).isNull();
    assertThat(settings.getUserProvisioningExactUsername()).isNull();
  }

  @Test
  void outOfRangeSettingIsRejectedBeforeSending() {
    MutableClock clock = new MutableClock(START);
    try (MockServer counting = MockServer.builder().clock(clock).build().start();
        OpaTeamsClient client = clientFor(counting, "demo-admin").build()) {
      String before = rateLimitRemaining(counting);

      assertThatThrownBy(() -> client.updateTeamSettings(SettingsUpdate.builder().clientSessionDuration(10).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Invalid updateTeamSettings request: client_session_duration must be between 3600 and 90000,"
              + " but was 10");

      // The second probe is the only API request counted since the first. The update sent nothing, not even a token exchange.
      assertThat(Integer.parseInt(rateLimitRemaining(counting))).isEqualTo(Integer.parseInt(before) - 1);
    }
  }

  @Test
  void userWithoutRequiredRoleIsForbidden() {
    try (OpaTeamsClient endUser = clientFor(server, "demo-end-user").build()) {

      ForbiddenException thrown = catchThrowableOfType(ForbiddenException.class, endUser::getTeamStats);

      assertThat(thrown.status()).isEqualTo(403);
      assertThat(thrown.operationId()).isEqualTo("getTeamStats");
      assertThat(thrown.errorName()).isEqualTo("forbidden_error");
      assertThat(thrown.errorMessage()).isEqualTo(
          "The caller does not have a role that getTeamStats requires (one of resource_admin, security_admin).");
    }
  }

  @Test
  void expiredTokenIsRenewedAfter401() {
    MutableClock mockClock = new MutableClock(START);
    try (MockServer expiring = MockServer.builder().clock(mockClock).tokenLifetime(Duration.ofMinutes(10)).build()
        .start();
        OpaTeamsClient client = clientFor(expiring, "demo-admin").clock(Clock.fixed(START, ZoneOffset.UTC)).build()) {
      client.getTeamStats();
      // The mock now sees the token as expired, but the client's fixed clock does not, so it sends the old token.
      mockClock.advance(Duration.ofMinutes(11));

      TeamStats stats = client.getTeamStats();

      assertThat(stats.getNumServers()).isEqualTo(5);
    }
  }

  @Test
  void fixedTokenIsNotRenewedAfter401() {
    MutableClock mockClock = new MutableClock(START);
    try (MockServer expiring = MockServer.builder().clock(mockClock).tokenLifetime(Duration.ofMinutes(10)).build()
        .start();
        OpaTeamsClient client = OpaTeamsClient.builder().baseUrl(expiring.baseUri()).teamName(TEAM)
            .bearerToken(TestHttp.token(expiring, "demo-admin")).retryPolicy(RetryPolicy.none()).build()) {
      mockClock.advance(Duration.ofMinutes(11));

      UnauthorizedException thrown = catchThrowableOfType(UnauthorizedException.class, client::getTeamStats);

      assertThat(thrown.status()).isEqualTo(401);
      assertThat(thrown.errorMessage()).isEqualTo("The bearer token is expired.");
    }
  }

  @Test
  void rateLimitedRequestWaitsForTheNextWindow() {
    MutableClock clock = new MutableClock(START);
    try (MockServer limited = MockServer.builder().clock(clock).rateLimitPerMinute(1).build().start();
        OpaTeamsClient client = clientFor(limited, "demo-admin").clock(clock)
            .sleeper(duration -> {
              sleeps.add(duration);
              clock.advance(duration);
            })
            .retryPolicy(RetryPolicy.builder().maxRetries(1).maxDelay(Duration.ofMinutes(1)).jitter(0).build())
            .build()) {

      // The token exchange uses the window's only request, so the mock returns 429 to the first getTeamStats.
      TeamStats stats = client.getTeamStats();

      assertThat(stats.getNumServers()).isEqualTo(5);
      assertThat(sleeps).containsExactly(Duration.ofSeconds(55));
    }
  }

  @Test
  void simulated429IsRetriedUntilThePolicyGivesUp() {
    MutableClock clock = new MutableClock(START);
    try (MockServer faulty = MockServer.builder().clock(clock).faults(1, 0).build().start();
        OpaTeamsClient client = faultyClient(faulty, clock)) {

      RateLimitedException thrown = catchThrowableOfType(RateLimitedException.class, client::getTeamStats);

      assertThat(thrown.status()).isEqualTo(429);
      assertThat(thrown.errorName()).isEqualTo("too_many_requests");
      assertThat(thrown.retryAt()).contains(START.plusSeconds(1));
      assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
  }

  @Test
  void simulated503IsRetriedUntilThePolicyGivesUp() {
    MutableClock clock = new MutableClock(START);
    try (MockServer faulty = MockServer.builder().clock(clock).faults(0, 1).build().start();
        OpaTeamsClient client = faultyClient(faulty, clock)) {

      ServerErrorException thrown = catchThrowableOfType(ServerErrorException.class, client::getTeamStats);

      assertThat(thrown.status()).isEqualTo(503);
      assertThat(thrown.errorName()).isEqualTo("service_offline");
      assertThat(thrown.errorMessage()).isEqualTo("The service is unavailable (simulated). Retry in 1 second.");
      assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
  }

  @Test
  void getTeamStatsCountsTheSeed() {
    TeamStats stats = admin.getTeamStats();

    assertThat(stats.getNumHumanUsers()).isEqualTo(3);
    assertThat(stats.getNumGroups()).isEqualTo(2);
    assertThat(stats.getNumClients()).isEqualTo(4);
    assertThat(stats.getNumGateways()).isEqualTo(1);
    assertThat(stats.getNumServers()).isEqualTo(5);
    assertThat(stats.getNumProjects()).isEqualTo(4);
    assertThat(stats.getNumServiceUsers()).isEqualTo(2);
  }

  @Test
  void getVaultJwksServesOnlyPublicMembers() {
    List<JsonWebKey> keys = admin.getVaultJwks().getKeys();

    assertThat(keys).hasSize(1);
    JsonWebKey key = keys.get(0);
    assertThat(key.getKid()).isEqualTo("vault-2026-11");
    assertThat(key.getKty()).isEqualTo("EC");
    assertThat(key.getX()).isEqualTo("4yEOeXAyECEfo9ItrACstANhVpDxZgb_25yyMU0msFg");
    assertThat(key.getY()).isEqualTo("rO89tzk0N8L_qxjATMfRHesKp8FdAI-bToon097Lc8s");
    assertThat(key.getD()).isNull();
    assertThat(key.getP()).isNull();
    assertThat(key.getQ()).isNull();
    assertThat(key.getDp()).isNull();
    assertThat(key.getDq()).isNull();
    assertThat(key.getQi()).isNull();
    assertThat(key.getK()).isNull();
  }

  @Test
  void listRolesReturnsEveryRoleOfTheSeed() {
    List<RoleName> roles = admin.listRoles().stream().map(Role::getName).toList();

    assertThat(roles).containsExactly(RoleName.AUTHENTICATED_CLIENT, RoleName.AUTHENTICATED_SERVICE_USER,
        RoleName.DELEGATED_RESOURCE_ADMIN, RoleName.DELEGATED_SECURITY_ADMIN, RoleName.DEVOPS_ADMIN,
        RoleName.END_USER, RoleName.PAM_ADMIN, RoleName.RESOURCE_ADMIN, RoleName.SECURITY_ADMIN);
  }

  /** A client for a service user of the default seed, without retries unless a test sets a policy. */
  private static OpaTeamsClient.Builder clientFor(MockServer target, String serviceUser) {
    ServiceUserCredentials credentials = target.credentials(serviceUser);
    return OpaTeamsClient.builder()
        .baseUrl(target.baseUri())
        .teamName(credentials.teamName())
        .serviceUser(credentials.keyId().toString(), credentials.keySecret())
        .retryPolicy(RetryPolicy.none());
  }

  /**
   * A client for a server that fails every API request, token exchanges
   * included. The fault comes before authentication, so the token is never
   * looked at.
   */
  private OpaTeamsClient faultyClient(MockServer faulty, MutableClock clock) {
    return OpaTeamsClient.builder()
        .baseUrl(faulty.baseUri())
        .teamName(TEAM)
        .bearerToken("never-checked")
        .clock(clock)
        .sleeper(sleeps::add)
        .retryPolicy(RetryPolicy.builder().maxRetries(2).maxDelay(Duration.ofSeconds(10)).jitter(0).build())
        .build();
  }

  private static String rateLimitRemaining(MockServer target) {
    return TestHttp.get(target, "/v1/teams/" + TEAM + "/servers").send().header("X-RateLimit-Remaining");
  }
}
