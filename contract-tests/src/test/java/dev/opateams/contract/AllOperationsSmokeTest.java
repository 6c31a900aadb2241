package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opateams.client.api.ServiceTokenApi;
import dev.opateams.client.api.TeamsApi;
import dev.opateams.client.invoker.ApiClient;
import dev.opateams.client.model.ApiResponse;
import dev.opateams.client.model.CheckedOutResourceList;
import dev.opateams.client.model.CheckedOutResourceType;
import dev.opateams.client.model.CheckinRequest;
import dev.opateams.client.model.CheckoutResourceType;
import dev.opateams.client.model.JsonWebKeySet;
import dev.opateams.client.model.RoleList;
import dev.opateams.client.model.RoleName;
import dev.opateams.client.model.ServerAccountResourceDetails;
import dev.opateams.client.model.ServerList;
import dev.opateams.client.model.ServiceToken;
import dev.opateams.client.model.ServiceTokenRequest;
import dev.opateams.client.model.TeamSettings;
import dev.opateams.client.model.TeamSettingsUpdate;
import dev.opateams.client.model.TeamStats;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls each of the nine operations through the generated Feign client
 * against a Jersey server that implements the generated JAX-RS interfaces,
 * and checks both sides of the wire.
 */
class AllOperationsSmokeTest {

  private static final String TEAM = "Your_OPA_Team";
  private static final String TOKEN = "eyJhbGciOiJFUzI1NiJ9.e30.c2lnbmF0dXJl";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RecordingFilter recorder = new RecordingFilter();
  private static final InTestTeamsService service = new InTestTeamsService();
  private static EmbeddedTeamsServer server;
  private static TeamsApi teams;
  private static ServiceTokenApi serviceTokens;

  @BeforeAll
  static void startServer() {
    server = EmbeddedTeamsServer.start(service, service.serviceTokenResource(), recorder, new PagingHeadersFilter(), new InvalidJsonMapper());

    ApiClient authenticated = new ApiClient("bearerAuth").setBasePath(server.baseUri().toString());
    authenticated.setBearerToken(TOKEN);
    teams = authenticated.buildClient(TeamsApi.class);
    serviceTokens = new ApiClient().setBasePath(server.baseUri().toString()).buildClient(ServiceTokenApi.class);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void listCheckedOutResources() {
    service.respond("listCheckedOutResources", Payloads.CHECKED_OUT_RESOURCES);

    ApiResponse<CheckedOutResourceList> response = teams.listCheckedOutResourcesWithHttpInfo(
        TEAM, "server_account_password_login", true, 2, false, "b2Zmc2V0", false);

    RecordingFilter.ReceivedRequest request = recorder.last();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/teams/Your_OPA_Team/checked_out_resources");
    assertThat(request.rawQuery()).isEqualTo(
        "resource_type=server_account_password_login&include_pending_checkin=true"
            + "&count=2&descending=false&offset=b2Zmc2V0&prev=false");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(service.argumentsOf("listCheckedOutResources")).containsExactly(
        TEAM, "server_account_password_login", true, 2, false, "b2Zmc2V0", false);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(linkHeader(response)).contains("rel=\"next\"").contains(PagingHeadersFilter.NEXT_OFFSET);
    CheckedOutResourceList body = response.getData();
    assertThat(body.getList()).hasSize(2);
    assertThat(body.getList().get(0).getResourceType()).isEqualTo(CheckedOutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN);
    assertThat(body.getList().get(0).getResourceDetails())
        .isInstanceOfSatisfying(ServerAccountResourceDetails.class,
            details -> assertThat(details.getHostname()).isEqualTo("web-01.example.internal"));
  }

  @Test
  void checkinResource() throws Exception {
    CheckinRequest checkin = new CheckinRequest()
        .resourceId("3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11")
        .resourceType(CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN);

    ApiResponse<Void> response = teams.checkinResourceWithHttpInfo(TEAM, checkin);

    RecordingFilter.ReceivedRequest request = recorder.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/teams/Your_OPA_Team/checkin_resource");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(
        "{\"resource_id\":\"3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11\","
            + "\"resource_type\":\"server_account_password_login\"}"));
    dev.opateams.server.model.CheckinRequest received =
        (dev.opateams.server.model.CheckinRequest) service.argumentsOf("checkinResource").get(1);
    assertThat(received.getResourceType())
        .isEqualTo(dev.opateams.server.model.CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN);

    assertThat(response.getStatusCode()).isEqualTo(204);
  }

  @Test
  void listRoles() {
    service.respond("listRoles", Payloads.ROLES);

    ApiResponse<RoleList> response = teams.listRolesWithHttpInfo(TEAM);

    RecordingFilter.ReceivedRequest request = recorder.last();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/teams/Your_OPA_Team/roles");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);

    assertThat(linkHeader(response)).contains("rel=\"prev\"");
    assertThat(response.getData().getList())
        .extracting(role -> role.getName())
        .containsExactly(RoleName.END_USER, RoleName.PAM_ADMIN, RoleName.RESOURCE_ADMIN, RoleName.SECURITY_ADMIN);
  }

  @Test
  void listServersWithEveryFilter() {
    service.respond("listServers", Payloads.SERVERS_DOCUMENTED);

    ApiResponse<ServerList> response = teams.listServersWithHttpInfo(TEAM, true, "db-01", "bastion.example.internal",
        "db-01", "123456789012", "aws", 50, false, true, "db", "4a8e2c6b", "i-0abc123def4567890", true,
        "b2Zmc2V0", false, "databases", "ACTIVE", "env=production,tier=database", true);

    RecordingFilter.ReceivedRequest request = recorder.last();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/teams/Your_OPA_Team/servers");
    assertThat(request.rawQuery()).isEqualTo("AdServers=true&alt_names_contains=db-01"
        + "&bastion=bastion.example.internal&canonical_name=db-01&cloud_account=123456789012"
        + "&cloud_provider=aws&count=50&credentialed=false&descending=true&hostname=db"
        + "&id=4a8e2c6b&instance_id=i-0abc123def4567890&managed=true&offset=b2Zmc2V0&prev=false"
        + "&project_name=databases&state=ACTIVE&selector=env%3Dproduction%2Ctier%3Ddatabase"
        + "&include_labels=true");
    assertThat(service.argumentsOf("listServers")).containsExactly(TEAM, true, "db-01",
        "bastion.example.internal", "db-01", "123456789012", "aws", 50, false, true, "db", "4a8e2c6b",
        "i-0abc123def4567890", true, "b2Zmc2V0", false, "databases", "ACTIVE",
        "env=production,tier=database", true);

    assertThat(response.getHeaders().get("x-ratelimit-remaining")).containsExactly("999");
    assertThat(linkHeader(response)).contains("rel=\"next\"");
    assertThat(response.getData().getList()).extracting(s -> s.getHostname())
        .containsExactly("web-01.example.internal", "db-01");
  }

  @Test
  void listServersWithoutFilters() {
    service.respond("listServers", Payloads.SERVERS_DOCUMENTED);

    ServerList servers = teams.listServers(TEAM, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);

    assertThat(recorder.last().rawQuery()).isNull();
    assertThat(servers.getList()).hasSize(2);
  }

  @Test
  void getTeamSettings() {
    service.respond("getTeamSettings", Payloads.SETTINGS_DOCUMENTED);

    TeamSettings settings = teams.getTeamSettings(TEAM);

    RecordingFilter.ReceivedRequest request = recorder.last();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/teams/Your_OPA_Team/settings");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);

    assertThat(settings.getTeam()).isEqualTo(TEAM);
    assertThat(settings.getClientSessionDuration()).isEqualTo(36000);
    assertThat(settings.getPostLoginUrl_JsonNullable().isPresent()).isTrue();
    assertThat(settings.getPostLoginUrl()).isNull();
  }

  @Test
  void updateTeamSettings() throws Exception {
    TeamSettingsUpdate update = new TeamSettingsUpdate().webSessionDuration(1800).approveDeviceWithoutInteraction(true);

    ApiResponse<Void> response = teams.updateTeamSettingsWithHttpInfo(TEAM, update);

    RecordingFilter.ReceivedRequest request = recorder.last();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/v1/teams/Your_OPA_Team/settings");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(JSON.readTree(request.body()))
        .isEqualTo(JSON.readTree("{\"approve_device_without_interaction\":true,\"web_session_duration\":1800}"));

    assertThat(response.getStatusCode()).isEqualTo(204);
  }

  @Test
  void getTeamStats() {
    service.respond("getTeamStats", Payloads.STATS);

    TeamStats stats = teams.getTeamStats(TEAM);

    RecordingFilter.ReceivedRequest request = recorder.last();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/teams/Your_OPA_Team/team_stats");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);

    assertThat(stats.getNumGroups()).isEqualTo(1);
    assertThat(stats.getNumProjects()).isEqualTo(2);
    assertThat(stats.getNumServiceUsers()).isZero();
  }

  @Test
  void getVaultJwks() {
    service.respond("getVaultJwks", Payloads.JWKS);

    JsonWebKeySet jwks = teams.getVaultJwks(TEAM);

    RecordingFilter.ReceivedRequest request = recorder.last();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/teams/Your_OPA_Team/vault/jwks.json");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);

    assertThat(jwks.getKeys()).hasSize(2);
    assertThat(jwks.getKeys().get(0).getCrv()).isEqualTo("P-256");
    assertThat(jwks.getKeys().get(1).getX5tHashS256()).isEqualTo("ZjgzT0ozRDJ4RjFCZzh2dWI5dExlMWdITXpWNzZlOFQ");
  }

  @Test
  void createServiceTokenSendsNoAuthorization() throws Exception {
    service.respond("createServiceToken", Payloads.SERVICE_TOKEN);
    UUID keyId = UUID.fromString("0e7c3a2f-5b8d-4c1e-9a6f-3d2b1c0e9f87");

    ServiceToken token = serviceTokens.createServiceToken(TEAM,
        new ServiceTokenRequest().keyId(keyId).keySecret("example-secret-do-not-use"));

    RecordingFilter.ReceivedRequest request = recorder.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/teams/Your_OPA_Team/service_token");
    assertThat(request.header("Authorization")).isNull();
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.get("key_id").asText()).isEqualTo(keyId.toString());
    assertThat(body.get("key_secret").asText()).isEqualTo("example-secret-do-not-use");

    assertThat(token.getTeamName()).isEqualTo(TEAM);
    assertThat(token.getExpiresAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T10:12:44Z"));
    assertThat(token.getBearerToken()).startsWith("eyJ");
  }

  private static String linkHeader(ApiResponse<?> response) {
    Collection<String> values = response.getHeaders().get("link");
    assertThat(values).as("Link header").isNotNull().hasSize(1);
    return List.copyOf(values).get(0);
  }
}
