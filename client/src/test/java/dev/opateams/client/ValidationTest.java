package dev.opateams.client;

import static dev.opateams.client.Fixtures.TEAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opateams.client.ScriptedServer.Reply;
import dev.opateams.client.model.CheckoutResourceType;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidationTest {

  private static final String SETTINGS_LINE = "PUT " + TEAM_PATH + "/settings";

  private ScriptedServer server;
  private OpaTeamsClient client;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    server.always(SETTINGS_LINE, request -> Reply.status(204));
    client = Fixtures.clientFor(server, new RecordingSleeper()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void sessionDurationBelowRangeFailsBeforeSending() {
    SettingsUpdate update = SettingsUpdate.builder().clientSessionDuration(10).build();

    assertThatThrownBy(() -> client.updateTeamSettings(update))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid updateTeamSettings request: client_session_duration must be between "
            + "3600 and 90000, but was 10");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void everyInvalidFieldIsNamed() {
    SettingsUpdate update = SettingsUpdate.builder()
        .webSessionDuration(Duration.ofDays(2))
        .postLoginUrl("https://example.com/" + "a".repeat(8096))
        .build();

    assertThatThrownBy(() -> client.updateTeamSettings(update))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid updateTeamSettings request: post_login_url must be at most 8096 "
            + "characters long, but was 8116 characters long; web_session_duration must be "
            + "between 1800 and 90000, but was 172800");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void fractionalDurationIsRejected() {
    assertThatThrownBy(() -> SettingsUpdate.builder().clientSessionDuration(Duration.ofMillis(3600500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientSessionDuration must be a whole number of seconds, but was: PT1H0.5S");
  }

  @Test
  void emptyResourceIdFailsBeforeSending() {
    assertThatThrownBy(() -> client.checkinResource("",
        CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid checkinResource request: resource_id must be at least 1 characters "
            + "long, but was 0 characters long");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void unchangedSettingsAreLeftOut() {
    SettingsUpdate update = SettingsUpdate.builder()
        .clientSessionDuration(Duration.ofHours(2))
        .build();

    client.updateTeamSettings(update);

    assertThat(server.requests().get(0).body()).isEqualTo("{\"client_session_duration\":7200}");
  }

  @Test
  void disabledSettingsAreSentAsNull() {
    SettingsUpdate update = SettingsUpdate.builder()
        .disablePostLoginUrl()
        .disableClientSessionDuration()
        .reactivateUsersViaIdp(false)
        .build();

    client.updateTeamSettings(update);

    assertThat(server.requests().get(0).body()).isEqualTo("{\"client_session_duration\":null,"
        + "\"post_login_url\":null,\"reactivate_users_via_idp\":false}");
  }

  @Test
  void laterCallReplacesEarlierChoice() {
    SettingsUpdate update = SettingsUpdate.builder()
        .postLogoutUrl("https://example.com/bye")
        .disablePostLogoutUrl()
        .build();

    client.updateTeamSettings(update);

    assertThat(server.requests().get(0).body()).isEqualTo("{\"post_logout_url\":null}");
  }

  @Test
  void emptyUpdateSendsEmptyObject() {
    client.updateTeamSettings(SettingsUpdate.builder().build());

    assertThat(server.requests().get(0).body()).isEqualTo("{}");
  }

  @Test
  void settingsUpdateListsItsChanges() {
    SettingsUpdate update = SettingsUpdate.builder()
        .webSessionDuration(1800)
        .disablePostLoginUrl()
        .build();

    assertThat(update).hasToString("SettingsUpdate{post_login_url=null, web_session_duration=1800}");
  }
}
