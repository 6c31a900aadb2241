package dev.opateams.client;

import static dev.opateams.client.Fixtures.TEAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opateams.client.ScriptedServer.Recorded;
import dev.opateams.client.ScriptedServer.Reply;
import dev.opateams.client.model.CheckedOutResource;
import dev.opateams.client.model.CheckoutResourceType;
import dev.opateams.client.model.CloudProvider;
import dev.opateams.client.model.JsonWebKeySet;
import dev.opateams.client.model.Role;
import dev.opateams.client.model.RoleName;
import dev.opateams.client.model.Server;
import dev.opateams.client.model.ServerState;
import dev.opateams.client.model.TeamSettings;
import dev.opateams.client.model.TeamStats;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationsTest {

  private ScriptedServer server;
  private OpaTeamsClient client;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    client = Fixtures.clientFor(server, new RecordingSleeper()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void listServersSendsFiltersUnderWireNames() {
    server.enqueue("GET " + TEAM_PATH + "/servers", Reply.json(200, Fixtures.serversJson(0, 2)));
    ListServersRequest request = ListServersRequest.builder()
        .adServers(false)
        .hostname("web 01")
        .cloudProvider(CloudProvider.AWS)
        .state(ServerState.ACTIVE)
        .selector("env=prod,tier=db")
        .includeLabels(true)
        .pageSize(2)
        .build();

    List<String> hostnames =
        client.listServers(request).stream().map(Server::getHostname).collect(Collectors.toList());

    assertThat(hostnames).containsExactly("host-0", "host-1");
    Recorded sent = server.requests().get(0);
    assertThat(sent.query()).isEqualTo("AdServers=false&cloud_provider=aws&hostname=web%2001"
        + "&state=ACTIVE&selector=env%3Dprod%2Ctier%3Ddb&include_labels=true&count=2");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer " + Fixtures.FIXED_TOKEN);
    assertThat(sent.header("Accept")).isEqualTo("application/json");
  }

  @Test
  void listServersWithoutFiltersSendsNoQuery() {
    server.enqueue("GET " + TEAM_PATH + "/servers", Reply.json(200, "{\"list\":[]}"));

    long count = client.listServers().stream().count();

    assertThat(count).isZero();
    assertThat(server.requests().get(0).query()).isNull();
  }

  @Test
  void listCheckedOutResourcesDecodesResources() {
    server.enqueue("GET " + TEAM_PATH + "/checked_out_resources", Reply.json(200,
        "{\"list\":[{\"resource_id\":\"3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11\","
            + "\"resource_type\":\"server_account_password_login\","
            + "\"checkout_at\":\"2026-11-30T09:12:44Z\","
            + "\"checkout_expiry_at\":\"2026-11-30T10:12:44Z\"}]}"));
    ListCheckedOutResourcesRequest request = ListCheckedOutResourcesRequest.builder()
        .onlyServerAccountPasswordLogins()
        .includePendingCheckin(true)
        .build();

    List<CheckedOutResource> resources =
        client.listCheckedOutResources(request).stream().collect(Collectors.toList());

    assertThat(resources).hasSize(1);
    assertThat(resources.get(0).getResourceId())
        .hasToString("3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11");
    assertThat(server.requests().get(0).query())
        .isEqualTo("resource_type=server_account_password_login&include_pending_checkin=true");
  }

  @Test
  void listRolesDecodesRoles() {
    server.enqueue("GET " + TEAM_PATH + "/roles",
        Reply.json(200, "{\"list\":[{\"name\":\"end_user\"},{\"name\":\"pam_admin\"}]}"));

    List<RoleName> roles =
        client.listRoles().stream().map(Role::getName).collect(Collectors.toList());

    assertThat(roles).containsExactly(RoleName.END_USER, RoleName.PAM_ADMIN);
  }

  @Test
  void getTeamSettingsDecodesSettings() {
    server.enqueue("GET " + TEAM_PATH + "/settings", Reply.json(200,
        "{\"team\":\"Test_Team\",\"client_session_duration\":36000,\"post_login_url\":null}"));

    TeamSettings settings = client.getTeamSettings();

    assertThat(settings.getTeam()).isEqualTo("Test_Team");
    assertThat(settings.getClientSessionDuration()).isEqualTo(36000);
  }

  @Test
  void updateTeamSettingsAccepts204() {
    server.enqueue("PUT " + TEAM_PATH + "/settings", Reply.status(204));

    client.updateTeamSettings(SettingsUpdate.builder().clientSessionDuration(7200).build());

    Recorded sent = server.requests().get(0);
    assertThat(sent.body()).isEqualTo("{\"client_session_duration\":7200}");
    assertThat(sent.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void updateTeamSettingsAccepts200WithBody() {
    server.enqueue("PUT " + TEAM_PATH + "/settings",
        Reply.json(200, "{\"team\":\"Test_Team\",\"client_session_duration\":7200}"));

    client.updateTeamSettings(SettingsUpdate.builder().clientSessionDuration(7200).build());

    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void getTeamStatsDecodesCounts() {
    server.enqueue("GET " + TEAM_PATH + "/team_stats", Reply.json(200,
        "{\"num_clients\":3,\"num_gateways\":0,\"num_groups\":1,\"num_human_users\":1,"
            + "\"num_projects\":2,\"num_servers\":1,\"num_service_users\":0}"));

    TeamStats stats = client.getTeamStats();

    assertThat(stats.getNumClients()).isEqualTo(3);
    assertThat(stats.getNumProjects()).isEqualTo(2);
  }

  @Test
  void getVaultJwksDecodesKeys() {
    server.enqueue("GET " + TEAM_PATH + "/vault/jwks.json",
        Reply.json(200, "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"k1\",\"alg\":\"ECDH-ES+A256KW\"}]}"));

    JsonWebKeySet keys = client.getVaultJwks();

    assertThat(keys.getKeys()).hasSize(1);
    assertThat(keys.getKeys().get(0).getKid()).isEqualTo("k1");
  }

  @Test
  void checkinResourceSendsTheResource() {
    server.enqueue("POST " + TEAM_PATH + "/checkin_resource", Reply.status(204));

    client.checkinResource("3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11",
        CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN);

    assertThat(server.requests().get(0).body()).isEqualTo(
        "{\"resource_id\":\"3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11\","
            + "\"resource_type\":\"server_account_password_login\"}");
  }

  @Test
  void createServiceTokenSendsTheKeyWithoutAuthorization() {
    server.enqueue("POST " + TEAM_PATH + "/service_token", Reply.json(200,
        Fixtures.tokenJson("issued-" + Fixtures.SECRET_MARKER, Fixtures.NOW.plusSeconds(3600),
            Fixtures.TEAM)));

    AccessToken token = client.createServiceToken(
        ServiceUserCredentials.of(Fixtures.KEY_ID, Fixtures.KEY_SECRET));

    assertThat(token.bearerToken()).isEqualTo("issued-" + Fixtures.SECRET_MARKER);
    assertThat(token.expiresAt()).isEqualTo(Fixtures.NOW.plusSeconds(3600));
    Recorded sent = server.requests().get(0);
    assertThat(sent.body()).isEqualTo("{\"key_id\":\"" + Fixtures.KEY_ID + "\",\"key_secret\":\""
        + Fixtures.KEY_SECRET + "\"}");
    assertThat(sent.header("Authorization")).isNull();
  }

  @Test
  void teamNameIsPercentEncodedInThePath() {
    try (OpaTeamsClient spaced = Fixtures.clientFor(server, new RecordingSleeper())
        .teamName("My Team/1").build()) {
      server.enqueue("GET /v1/teams/My%20Team%2F1/roles", Reply.json(200, "{\"list\":[]}"));

      spaced.listRoles().stream().count();

      assertThat(server.requests().get(0).path()).isEqualTo("/v1/teams/My%20Team%2F1/roles");
    }
  }

  @Test
  void baseUrlPathIsKeptAsPrefix() {
    try (OpaTeamsClient prefixed = Fixtures.clientFor(server, new RecordingSleeper())
        .baseUrl(server.baseUrl() + "/proxy/").build()) {
      server.enqueue("GET /proxy/v1/teams/Test_Team/roles", Reply.json(200, "{\"list\":[]}"));

      prefixed.listRoles().stream().count();

      assertThat(server.requests().get(0).path()).isEqualTo("/proxy/v1/teams/Test_Team/roles");
    }
  }
}
