package dev.opateams.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BuilderTest {

  private static OpaTeamsClient.Builder complete() {
    return OpaTeamsClient.builder()
        .baseUrl("http://127.0.0.1:9")
        .teamName(Fixtures.TEAM)
        .bearerToken(Fixtures.FIXED_TOKEN);
  }

  @Test
  void missingBaseUrlIsRejected() {
    OpaTeamsClient.Builder builder =
        OpaTeamsClient.builder().teamName("T").bearerToken("token");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("baseUrl is required, for example https://your-org.pam.okta.com");
  }

  @Test
  void missingTeamNameIsRejected() {
    OpaTeamsClient.Builder builder =
        OpaTeamsClient.builder().baseUrl("http://127.0.0.1:9").bearerToken("token");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("teamName is required");
  }

  @Test
  void missingCredentialsAreRejected() {
    OpaTeamsClient.Builder builder =
        OpaTeamsClient.builder().baseUrl("http://127.0.0.1:9").teamName("T");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Credentials are required: set one of serviceUser, bearerToken or tokenSupplier");
  }

  @Test
  void twoKindsOfCredentialsAreRejected() {
    OpaTeamsClient.Builder builder = complete().tokenSupplier(() -> "token");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Only one of serviceUser, bearerToken and tokenSupplier may be set, but 2 were set");
  }

  @Test
  void relativeBaseUrlIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().baseUrl("/v1/teams"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must be an absolute http or https URL, but was: \"/v1/teams\"");
  }

  @Test
  void unparsableBaseUrlIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().baseUrl("https://bad host"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must be an absolute http or https URL, but was: \"https://bad host\"");
  }

  @Test
  void otherSchemeIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().baseUrl("ftp://127.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must be an absolute http or https URL, but was: \"ftp://127.0.0.1\"");
  }

  @Test
  void baseUrlWithQueryIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().baseUrl("http://127.0.0.1:9/?a=b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must not have a query, fragment or user info, but was: "
            + "\"http://127.0.0.1:9/?a=b\"");
  }

  @Test
  void plainHttpToNonLoopbackHostIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().baseUrl("http://your-org.pam.okta.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must use https unless its host is a loopback address, but was: "
            + "\"http://your-org.pam.okta.com\"");
  }

  @Test
  void httpsBaseUrlIsAcceptedWithoutConnecting() {
    try (OpaTeamsClient client = OpaTeamsClient.builder()
        .baseUrl("https://your-org.pam.okta.com")
        .teamName("Your_Team")
        .bearerToken("token")
        .build()) {

      assertThat(client.baseUrl()).hasToString("https://your-org.pam.okta.com");
    }
  }

  @Test
  void blankTeamNameIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().teamName("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("teamName must not be blank, but was: \"  \"");
  }

  @Test
  void zeroConnectTimeoutIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive, but was: PT0S");
  }

  @Test
  void negativeReadTimeoutIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readTimeout must be positive, but was: PT-1S");
  }

  @Test
  void zeroPageSizeIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().pageSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be at least 1, but was: 0");
  }

  @Test
  void keyIdThatIsNoUuidIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().serviceUser("key-1", "secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyId must be a UUID, but was: \"key-1\"");
  }

  @Test
  void tooLongKeySecretIsRejected() {
    String secret = Fixtures.SECRET_MARKER.repeat(40);

    assertThatThrownBy(() -> OpaTeamsClient.builder().serviceUser(Fixtures.KEY_ID, secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keySecret must be 1 to 512 characters long, but was 520 characters long");
  }

  @Test
  void negativeMaxRetriesIsRejected() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetries must be 0 or more, but was: -1");
  }

  @Test
  void jitterAboveOneIsRejected() {
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jitter must be between 0.0 and 1.0, but was: 1.5");
  }

  @Test
  void nullClockIsRejected() {
    assertThatThrownBy(() -> OpaTeamsClient.builder().clock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock must not be null");
  }

  @Test
  void unknownServerStateFilterIsRejected() {
    assertThatThrownBy(() -> ListServersRequest.builder()
        .state(dev.opateams.client.model.ServerState.UNKNOWN_DEFAULT_OPEN_API))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("state must be a known value, but was: UNKNOWN_DEFAULT_OPEN_API");
  }

  @Test
  void builtClientIsReusableAcrossCalls() {
    try (ScriptedServer server = ScriptedServer.start();
        OpaTeamsClient client = Fixtures.clientFor(server, new RecordingSleeper()).build()) {
      server.always("GET " + Fixtures.TEAM_PATH + "/team_stats", request ->
          ScriptedServer.Reply.json(200, "{\"num_clients\":1,\"num_gateways\":0,\"num_groups\":0,"
              + "\"num_human_users\":0,\"num_projects\":0,\"num_servers\":0,"
              + "\"num_service_users\":0}"));

      int first = client.getTeamStats().getNumClients();
      int second = client.getTeamStats().getNumClients();

      assertThat(first).isEqualTo(1);
      assertThat(second).isEqualTo(1);
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void closedClientRejectsCallsAndStopsItsThreads() throws Exception {
    try (ScriptedServer server = ScriptedServer.start()) {
      server.always("GET " + Fixtures.TEAM_PATH + "/roles",
          request -> ScriptedServer.Reply.json(200, "{\"list\":[]}"));
      OpaTeamsClient client = Fixtures.clientFor(server, new RecordingSleeper()).build();
      assertThat(client.listRoles().stream().count()).isZero();

      client.close();
      client.close();

      assertThatThrownBy(() -> client.listRoles().stream().count())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("This OpaTeamsClient is closed");
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!client.isTransportTerminated() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(client.isTransportTerminated()).isTrue();
    }
  }

  @Test
  void toStringShowsNoCredentials() {
    OpaTeamsClient.Builder builder = complete();

    String text = builder.toString();

    assertThat(text).isEqualTo("OpaTeamsClient.Builder{baseUrl=http://127.0.0.1:9, "
        + "teamName=Test_Team, credentials=bearerToken=<redacted>}");
  }
}
