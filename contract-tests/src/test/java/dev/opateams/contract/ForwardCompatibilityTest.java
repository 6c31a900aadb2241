package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opateams.client.api.TeamsApi;
import dev.opateams.client.invoker.ApiClient;
import dev.opateams.client.model.CheckedOutResource;
import dev.opateams.client.model.CheckedOutResourceType;
import dev.opateams.client.model.CheckinType;
import dev.opateams.client.model.CloudProvider;
import dev.opateams.client.model.DatabaseAccountResourceDetails;
import dev.opateams.client.model.InstanceDetails;
import dev.opateams.client.model.JsonWebKeySet;
import dev.opateams.client.model.OsType;
import dev.opateams.client.model.ResourceDetails;
import dev.opateams.client.model.RoleName;
import dev.opateams.client.model.Server;
import dev.opateams.client.model.ServerList;
import dev.opateams.client.model.ServerState;
import dev.opateams.client.model.TeamSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Responses from a newer server must decode in this client: unknown fields,
 * enum values and variants are tolerated and recognisable, null and [] stay
 * apart, and Go's zero time is a valid date-time. Requests stay strict on the
 * server side.
 */
class ForwardCompatibilityTest {

  private static final String TEAM = "Your_OPA_Team";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final OffsetDateTime ZERO_TIME = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private static final RawJsonServer newerServer = new RawJsonServer();
  private static EmbeddedTeamsServer server;
  private static ApiClient apiClient;
  private static TeamsApi teams;

  @BeforeAll
  static void startServers() {
    server = EmbeddedTeamsServer.start(new InTestTeamsService(), new InvalidJsonMapper());
    apiClient = new ApiClient("bearerAuth").setBasePath(newerServer.baseUri().toString());
    apiClient.setBearerToken("test-token");
    teams = apiClient.buildClient(TeamsApi.class);
  }

  @AfterAll
  static void stopServers() {
    server.close();
    newerServer.close();
  }

  @Test
  void documentedServersDecodeWithNullsAndZeroTimes() {
    newerServer.respond(Payloads.SERVERS_DOCUMENTED);

    List<Server> servers = listServers().getList();

    Server unset = servers.get(0);
    assertThat(unset.getDeletedAt()).isEqualTo(ZERO_TIME);
    assertThat(unset.getLastSeen()).isEqualTo(ZERO_TIME);
    assertThat(unset.getAltNames()).isNull();
    assertThat(unset.getAltNames_JsonNullable().isPresent()).isTrue();
    assertThat(unset.getBrokerHostCerts()).isNull();
    assertThat(unset.getCloudProvider()).isNull();
    assertThat(unset.getInstanceDetails()).isNull();
    assertThat(unset.getLabels_JsonNullable().isPresent()).isFalse();
  }

  @Test
  void emptyArrayStaysDistinctFromNull() {
    newerServer.respond(Payloads.SERVERS_DOCUMENTED);

    List<Server> servers = listServers().getList();

    assertThat(servers.get(0).getBrokerHostCerts()).isNull();
    assertThat(servers.get(1).getBrokerHostCerts()).isNotNull().isEmpty();
    assertThat(servers.get(1).getSshHostKeys()).isNotNull().isEmpty();
  }

  @Test
  void unknownServerEnumValuesDecodeAsUnknown() {
    newerServer.respond(Payloads.SERVERS_FROM_NEWER_SERVER);

    Server server = listServers().getList().get(0);

    assertThat(server.getState()).isEqualTo(ServerState.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(server.getOsType()).isEqualTo(OsType.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(server.getCloudProvider()).isEqualTo(CloudProvider.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(server.getServices()).containsExactly("rdp", "vnc");
    assertThat(server.getRegisteredAt()).isEqualTo(ZERO_TIME);
  }

  @Test
  void unknownInstanceDetailsVariantKeepsItsType() {
    newerServer.respond(Payloads.SERVERS_FROM_NEWER_SERVER);

    InstanceDetails details = listServers().getList().get(0).getInstanceDetails();

    assertThat(details).isNotNull();
    assertThat(details.getClass()).isEqualTo(InstanceDetails.class);
    assertThat(details.getType()).isEqualTo("oci");
  }

  @Test
  void unknownResourceTypeAndVariantDecode() {
    newerServer.respond(Payloads.CHECKED_OUT_RESOURCES_FROM_NEWER_SERVER);

    List<CheckedOutResource> resources = teams.listCheckedOutResources(TEAM, null, null, null, null, null, null).getList();

    CheckedOutResource unknown = resources.get(0);
    assertThat(unknown.getResourceType()).isEqualTo(CheckedOutResourceType.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(unknown.getCheckinType()).isEqualTo(CheckinType.UNKNOWN_DEFAULT_OPEN_API);
    ResourceDetails details = unknown.getResourceDetails();
    assertThat(details).isNotNull();
    assertThat(details.getClass()).isEqualTo(ResourceDetails.class);
    assertThat(details.getType()).isEqualTo(CheckedOutResourceType.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void databaseVariantDecodes() {
    newerServer.respond(Payloads.CHECKED_OUT_RESOURCES_FROM_NEWER_SERVER);

    List<CheckedOutResource> resources = teams.listCheckedOutResources(TEAM, null, null, null, null, null, null).getList();

    assertThat(resources.get(1).getResourceDetails())
        .isInstanceOfSatisfying(DatabaseAccountResourceDetails.class, database -> {
          assertThat(database.getDatabaseConnection().getDatabaseConnectionName()).isEqualTo("orders");
          assertThat(database.getDatabaseAccount().getDatabaseAccountId()).isEqualTo("acct-17");
        });
  }

  @Test
  void unknownRoleNameDecodesAsUnknown() {
    newerServer.respond(Payloads.ROLES_FROM_NEWER_SERVER);

    var roles = teams.listRoles(TEAM).getList();

    assertThat(roles).extracting(role -> role.getName())
        .containsExactly(RoleName.END_USER, RoleName.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void responsesReencodeAsSent() throws Exception {
    ObjectMapper clientMapper = apiClient.getObjectMapper();
    ObjectMapper plain = new ObjectMapper();

    ServerList servers = clientMapper.readValue(Payloads.SERVERS_DOCUMENTED, ServerList.class);
    TeamSettings settings = clientMapper.readValue(Payloads.SETTINGS_DOCUMENTED, TeamSettings.class);
    JsonWebKeySet jwks = clientMapper.readValue(Payloads.JWKS, JsonWebKeySet.class);

    assertThat(plain.readTree(clientMapper.writeValueAsString(servers)))
        .isEqualTo(plain.readTree(Payloads.SERVERS_DOCUMENTED));
    assertThat(plain.readTree(clientMapper.writeValueAsString(settings)))
        .isEqualTo(plain.readTree(Payloads.SETTINGS_DOCUMENTED));
    assertThat(plain.readTree(clientMapper.writeValueAsString(jwks)))
        .isEqualTo(plain.readTree(Payloads.JWKS));
  }

  @Test
  void serverRejectsUnknownResourceTypeInCheckin() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/teams/" + TEAM + "/checkin_resource"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer test-token")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"resource_id\":\"3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11\",\"resource_type\":\"kubernetes_cluster_login\"}"))
        .build();

    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo("invalid_request");
    assertThat(body.get("error_cause").get(0).get("location").asText()).isEqualTo("resource_type");
    assertThat(response.body()).doesNotContain("dev.opateams").doesNotContain("Exception");
  }

  private static ServerList listServers() {
    return teams.listServers(TEAM, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }
}
