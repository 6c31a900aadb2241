package dev.opateams.mock;

import static dev.opateams.mock.TestHttp.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opateams.client.api.ServiceTokenApi;
import dev.opateams.client.api.TeamsApi;
import dev.opateams.client.invoker.ApiClient;
import dev.opateams.client.model.ApiResponse;
import dev.opateams.client.model.CheckinRequest;
import dev.opateams.client.model.CheckoutResourceType;
import dev.opateams.client.model.RoleName;
import dev.opateams.client.model.ServerList;
import dev.opateams.client.model.ServiceToken;
import dev.opateams.client.model.ServiceTokenRequest;
import dev.opateams.client.model.TeamSettings;
import dev.opateams.client.model.TeamSettingsUpdate;
import feign.FeignException;
import java.util.Collection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated Feign client against the mock server, through the JUnit extension. */
class GeneratedClientTest {

  @RegisterExtension
  static final MockServerExtension MOCK = MockServerExtension.using(MockServer::builder);

  private TeamsApi teams;

  @BeforeEach
  void login() {
    ServiceUserCredentials admin = MOCK.server().demoCredentials();
    ServiceTokenApi tokens = new ApiClient().setBasePath(MOCK.server().baseUri().toString())
        .buildClient(ServiceTokenApi.class);
    ServiceToken token = tokens.createServiceToken(admin.teamName(),
        new ServiceTokenRequest().keyId(admin.keyId()).keySecret(admin.keySecret()));
    ApiClient client = new ApiClient("bearerAuth").setBasePath(MOCK.server().baseUri().toString());
    client.setBearerToken(token.getBearerToken());
    teams = client.buildClient(TeamsApi.class);
  }

  @Test
  void listServersWithLinkHeader() {
    ApiResponse<ServerList> page = teams.listServersWithHttpInfo(TEAM,
        new TeamsApi.ListServersQueryParams().count(2).includeLabels(true));

    Collection<String> link = page.getHeaders().get("link");
    assertThat(page.getData().getList()).hasSize(2);
    assertThat(page.getData().getList().get(1).getLabels()).containsEntry("tier", "database");
    assertThat(link).singleElement().asString().contains("rel=\"next\"").contains("count=2");
    assertThat(page.getHeaders().get("x-ratelimit-limit")).containsExactly("10000");
  }

  @Test
  void partialUpdateRoundTrip() {
    teams.updateTeamSettings(TEAM, new TeamSettingsUpdate().clientSessionDuration(7200).postLoginUrl(null));

    TeamSettings settings = teams.getTeamSettings(TEAM);
    assertThat(settings.getClientSessionDuration()).isEqualTo(7200);
    assertThat(settings.getPostLoginUrl()).isNull();
    assertThat(settings.getWebSessionDuration()).isEqualTo(36000);
  }

  @Test
  void checkinThroughClient() {
    teams.checkinResource(TEAM, new CheckinRequest().resourceId("3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11")
        .resourceType(CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN));

    assertThat(teams.listCheckedOutResources(TEAM, null, null, null, null, null, null).getList()).isEmpty();
  }

  @Test
  void rolesDecodeAsKnownValues() {
    assertThat(teams.listRoles(TEAM).getList()).extracting(role -> role.getName())
        .contains(RoleName.PAM_ADMIN, RoleName.END_USER)
        .doesNotContain(RoleName.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void statsAndKeysDecode() {
    assertThat(teams.getTeamStats(TEAM).getNumServers()).isEqualTo(5);
    assertThat(teams.getVaultJwks(TEAM).getKeys()).singleElement()
        .satisfies(key -> assertThat(key.getD()).isNull());
  }

  @Test
  void invalidSettingIsClientError() {
    assertThatThrownBy(() -> teams.updateTeamSettings(TEAM, new TeamSettingsUpdate().webSessionDuration(10)))
        .isInstanceOf(FeignException.BadRequest.class)
        .hasMessageContaining("web_session_duration: must be between 1800 and 90000");
  }
}
