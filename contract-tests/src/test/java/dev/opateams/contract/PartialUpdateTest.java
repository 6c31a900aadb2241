package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opateams.client.api.TeamsApi;
import dev.opateams.client.invoker.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * updateTeamSettings is a partial update: an absent field stays as it is and
 * an explicit null disables the setting. Both generated sides must keep the
 * two apart, which rests on openApiNullable in both generator runs.
 */
class PartialUpdateTest {

  private static final String TEAM = "Your_OPA_Team";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final RecordingFilter recorder = new RecordingFilter();
  private static final InTestTeamsService service = new InTestTeamsService();
  private static EmbeddedTeamsServer server;
  private static TeamsApi teams;

  @BeforeAll
  static void startServer() {
    server = EmbeddedTeamsServer.start(service, recorder, new InvalidJsonMapper());
    ApiClient apiClient = new ApiClient("bearerAuth").setBasePath(server.baseUri().toString());
    apiClient.setBearerToken("test-token");
    teams = apiClient.buildClient(TeamsApi.class);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void clientSendsOnlyTheFieldThatWasSet() {
    teams.updateTeamSettings(TEAM, new dev.opateams.client.model.TeamSettingsUpdate().clientSessionDuration(7200));

    assertThat(recorder.last().body()).isEqualTo("{\"client_session_duration\":7200}");
  }

  @Test
  void clientSendsExplicitNullToDisable() {
    teams.updateTeamSettings(TEAM, new dev.opateams.client.model.TeamSettingsUpdate().postLoginUrl(null));

    assertThat(recorder.last().body()).isEqualTo("{\"post_login_url\":null}");
  }

  @Test
  void clientSendsEmptyObjectWhenNothingIsSet() {
    teams.updateTeamSettings(TEAM, new dev.opateams.client.model.TeamSettingsUpdate());

    assertThat(recorder.last().body()).isEqualTo("{}");
  }

  @Test
  void serverSeesSetFieldAndAbsentFields() throws Exception {
    int status = put("{\"client_session_duration\":7200}");

    dev.opateams.server.model.TeamSettingsUpdate update = receivedUpdate();
    assertThat(status).isEqualTo(204);
    assertThat(update.getClientSessionDuration_JsonNullable().isPresent()).isTrue();
    assertThat(update.getClientSessionDuration()).isEqualTo(7200);
    assertThat(update.getPostLoginUrl_JsonNullable().isPresent()).isFalse();
    assertThat(update.getWebSessionDuration_JsonNullable().isPresent()).isFalse();
  }

  @Test
  void serverSeesExplicitNullAsPresent() throws Exception {
    int status = put("{\"post_login_url\":null}");

    dev.opateams.server.model.TeamSettingsUpdate update = receivedUpdate();
    assertThat(status).isEqualTo(204);
    assertThat(update.getPostLoginUrl_JsonNullable().isPresent()).isTrue();
    assertThat(update.getPostLoginUrl_JsonNullable().get()).isNull();
    assertThat(update.getClientSessionDuration_JsonNullable().isPresent()).isFalse();
  }

  @Test
  void clientAndServerAgreeOverTheWire() {
    teams.updateTeamSettings(TEAM, new dev.opateams.client.model.TeamSettingsUpdate()
        .postLogoutUrl(null)
        .webSessionDuration(1800));

    dev.opateams.server.model.TeamSettingsUpdate update = receivedUpdate();
    assertThat(update.getPostLogoutUrl_JsonNullable().isPresent()).isTrue();
    assertThat(update.getPostLogoutUrl()).isNull();
    assertThat(update.getWebSessionDuration()).isEqualTo(1800);
    assertThat(update.getPostLoginUrl_JsonNullable().isPresent()).isFalse();
    assertThat(update.getApproveDeviceWithoutInteraction_JsonNullable().isPresent()).isFalse();
  }

  private static dev.opateams.server.model.TeamSettingsUpdate receivedUpdate() {
    return (dev.opateams.server.model.TeamSettingsUpdate) service.argumentsOf("updateTeamSettings").get(1);
  }

  private static int put(String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/teams/" + TEAM + "/settings"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer test-token")
        .PUT(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
