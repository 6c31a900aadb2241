package dev.opateams.mock;

import static dev.opateams.mock.TestHttp.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checked-out resources, settings, stats and keys of the default seed, and reset. */
class StateTest {

  private static final String BASE = "/v1/teams/" + TEAM;
  private static final String SERVER_RESOURCE = "3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11";

  private static MockServer server;
  private static String admin;

  @BeforeAll
  static void start() {
    server = MockServer.builder().build().start();
    admin = TestHttp.token(server, "demo-admin");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  @Test
  void pendingCheckinsAreHiddenByDefault() {
    TestHttp.Answer answer = get(BASE + "/checked_out_resources");

    assertThat(answer.json().get("list")).hasSize(1);
    assertThat(answer.json().at("/list/0/resource_id").asText()).isEqualTo(SERVER_RESOURCE);
  }

  @Test
  void includePendingCheckinShowsAll() {
    TestHttp.Answer answer = get(BASE + "/checked_out_resources?include_pending_checkin=true");

    assertThat(answer.json().get("list")).hasSize(2);
  }

  @Test
  void resourceNameOnlyWithResourceType() {
    JsonNode withoutType = get(BASE + "/checked_out_resources").json().at("/list/0");
    JsonNode withType = get(BASE + "/checked_out_resources?resource_type=server_account_password_login")
        .json().at("/list/0");

    assertThat(withoutType.has("resource_name")).isFalse();
    assertThat(withType.get("resource_name").asText()).isEqualTo("root@web-01.example.internal");
    assertThat(withType.at("/resource_details/_type").asText()).isEqualTo("server_account_password_login");
  }

  @Test
  void checkinRemovesResource() {
    TestHttp.Answer answer = checkin(SERVER_RESOURCE, "server_account_password_login");

    assertThat(answer.status()).isEqualTo(204);
    assertThat(get(BASE + "/checked_out_resources").json().get("list")).isEmpty();
  }

  @Test
  void secondCheckinIsNotFound() {
    checkin(SERVER_RESOURCE, "server_account_password_login");

    TestHttp.Answer answer = checkin(SERVER_RESOURCE, "server_account_password_login");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.message()).isEqualTo("No resource " + SERVER_RESOURCE
        + " of type server_account_password_login is checked out by demo-admin.");
  }

  @Test
  void checkinWithOtherTypeIsNotFound() {
    TestHttp.Answer answer = checkin(SERVER_RESOURCE, "okta_universal_directory_account_password_login");

    assertThat(answer.status()).isEqualTo(404);
  }

  @Test
  void checkinOfAnotherUsersResourceIsNotFound() {
    String endUser = TestHttp.token(server, "demo-end-user");

    TestHttp.Answer answer = TestHttp.request(server, "POST", BASE + "/checkin_resource").bearer(endUser)
        .json("{\"resource_id\":\"" + SERVER_RESOURCE + "\",\"resource_type\":\"server_account_password_login\"}")
        .send();

    assertThat(answer.status()).isEqualTo(404);
  }

  @Test
  void checkinWithUnknownTypeIsBadRequest() {
    TestHttp.Answer answer = checkin(SERVER_RESOURCE, "database_account_password_login");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("resource_type: must be one of managed_saas_app_account_password_login, "
        + "okta_universal_directory_account_password_login, server_account_password_login");
  }

  @Test
  void resetRestoresCheckedOutResources() {
    checkin(SERVER_RESOURCE, "server_account_password_login");

    server.reset();

    assertThat(get(BASE + "/checked_out_resources").json().get("list")).hasSize(1);
  }

  @Test
  void settingsShowEveryFieldWithNullForDisabled() {
    JsonNode settings = get(BASE + "/settings").json();

    assertThat(settings.get("team").asText()).isEqualTo(TEAM);
    assertThat(settings.get("client_session_duration").asInt()).isEqualTo(36000);
    assertThat(settings.has("post_login_url")).isTrue();
    assertThat(settings.get("post_login_url").isNull()).isTrue();
  }

  @Test
  void absentFieldKeepsValue() {
    put("{\"web_session_duration\":1800}");

    JsonNode settings = get(BASE + "/settings").json();
    assertThat(settings.get("web_session_duration").asInt()).isEqualTo(1800);
    assertThat(settings.get("client_session_duration").asInt()).isEqualTo(36000);
  }

  @Test
  void nullDisablesSetting() {
    put("{\"post_login_url\":\"https://intranet.example.com/welcome\"}");
    put("{\"client_session_duration\":null}");

    JsonNode settings = get(BASE + "/settings").json();
    assertThat(settings.get("client_session_duration").isNull()).isTrue();
    assertThat(settings.get("post_login_url").asText()).isEqualTo("https://intranet.example.com/welcome");
  }

  @Test
  void updateAnswersNoContent() {
    assertThat(put("{}").status()).isEqualTo(204);
  }

  @Test
  void outOfRangeSettingIsNotApplied() {
    TestHttp.Answer answer = put("{\"client_session_duration\":3599,\"web_session_duration\":1800}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("client_session_duration: must be between 3600 and 90000");
    assertThat(get(BASE + "/settings").json().get("web_session_duration").asInt()).isEqualTo(36000);
  }

  @Test
  void statsAreDerivedFromState() {
    JsonNode stats = get(BASE + "/team_stats").json();

    assertThat(stats.get("num_servers").asInt()).isEqualTo(5);
    assertThat(stats.get("num_service_users").asInt()).isEqualTo(2);
    assertThat(stats.get("num_projects").asInt()).isEqualTo(4);
    assertThat(stats.get("num_human_users").asInt()).isEqualTo(3);
    assertThat(stats.get("num_groups").asInt()).isEqualTo(2);
    assertThat(stats.get("num_clients").asInt()).isEqualTo(4);
    assertThat(stats.get("num_gateways").asInt()).isEqualTo(1);
  }

  @Test
  void jwksHasNoPrivateMembers() {
    TestHttp.Answer answer = get(BASE + "/vault/jwks.json");

    JsonNode key = answer.json().at("/keys/0");
    assertThat(key.get("kid").asText()).isEqualTo("vault-2026-11");
    assertThat(key.get("x").asText()).isEqualTo("4yEOeXAyECEfo9ItrACstANhVpDxZgb_25yyMU0msFg");
    assertThat(key.has("d")).isFalse();
    assertThat(answer.body()).doesNotContain("NMtABgHUWfiFYrpQX7yGrtDOzB2GBD9XJ61WzK5sIuk");
  }

  @Test
  void listRolesReturnsTeamRoles() {
    JsonNode roles = get(BASE + "/roles").json().get("list");

    assertThat(roles).hasSize(9);
    assertThat(roles.get(0).get("name").asText()).isEqualTo("authenticated_client");
  }

  private static TestHttp.Answer get(String path) {
    return TestHttp.get(server, path).bearer(admin).send();
  }

  private static TestHttp.Answer put(String json) {
    return TestHttp.request(server, "PUT", BASE + "/settings").bearer(admin).json(json).send();
  }

  private static TestHttp.Answer checkin(String id, String type) {
    return TestHttp.request(server, "POST", BASE + "/checkin_resource").bearer(admin)
        .json("{\"resource_id\":\"" + id + "\",\"resource_type\":\"" + type + "\"}")
        .send();
  }
}
