package dev.opateams.mock;

import static dev.opateams.mock.TestHttp.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo-end-user service user has only the end_user role; demo-admin has
 * pam_admin, resource_admin, security_admin, end_user and
 * authenticated_service_user.
 */
class RolesTest {

  private static final String BASE = "/v1/teams/" + TEAM;

  private static MockServer server;
  private static String endUser;
  private static String admin;

  @BeforeAll
  static void start() {
    server = MockServer.builder().build().start();
    endUser = TestHttp.token(server, "demo-end-user");
    admin = TestHttp.token(server, "demo-admin");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void specRolesAreLoaded() {
    ApiSpec spec = ApiSpec.load();

    assertThat(spec.operations()).hasSize(9);
    assertThat(spec.operation("listRoles").roles()).containsExactly("pam_admin");
    assertThat(spec.operation("getVaultJwks").roles()).isEmpty();
    assertThat(spec.operation("getVaultJwks").secured()).isTrue();
    assertThat(spec.operation("createServiceToken").secured()).isFalse();
  }

  @Test
  void endUserMayListServers() {
    assertThat(TestHttp.get(server, BASE + "/servers").bearer(endUser).send().status()).isEqualTo(200);
  }

  @Test
  void endUserMayReadSettings() {
    assertThat(TestHttp.get(server, BASE + "/settings").bearer(endUser).send().status()).isEqualTo(200);
  }

  @Test
  void emptyRoleListAdmitsAnyValidToken() {
    assertThat(TestHttp.get(server, BASE + "/vault/jwks.json").bearer(endUser).send().status()).isEqualTo(200);
  }

  @Test
  void endUserMayNotListRoles() {
    TestHttp.Answer answer = TestHttp.get(server, BASE + "/roles").bearer(endUser).send();

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("error").asText()).isEqualTo("forbidden_error");
    assertThat(answer.message()).isEqualTo("The caller does not have a role that listRoles requires (one of pam_admin).");
  }

  @Test
  void endUserMayNotReadStats() {
    TestHttp.Answer answer = TestHttp.get(server, BASE + "/team_stats").bearer(endUser).send();

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.message()).isEqualTo(
        "The caller does not have a role that getTeamStats requires (one of resource_admin, security_admin).");
  }

  @Test
  void endUserMayNotUpdateSettings() {
    TestHttp.Answer answer = TestHttp.request(server, "PUT", BASE + "/settings").bearer(endUser).json("{}").send();

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.message()).isEqualTo(
        "The caller does not have a role that updateTeamSettings requires (one of resource_admin).");
  }

  @Test
  void adminMayListRolesAndReadStats() {
    assertThat(TestHttp.get(server, BASE + "/roles").bearer(admin).send().status()).isEqualTo(200);
    assertThat(TestHttp.get(server, BASE + "/team_stats").bearer(admin).send().status()).isEqualTo(200);
  }
}
