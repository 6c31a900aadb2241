package dev.opateams.mock;

import static dev.opateams.mock.TestHttp.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

  private static final String SERVERS = "/v1/teams/" + TEAM + "/servers";
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T10:00:30Z"));

  private static MockServer server;
  private static MockServer otherServer;

  @BeforeAll
  static void start() {
    server = MockServer.builder().clock(CLOCK).tokenLifetime(Duration.ofMinutes(10)).build().start();
    otherServer = MockServer.builder().clock(CLOCK).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    otherServer.stop();
  }

  @Test
  void createServiceTokenIssuesTokenForValidKey() {
    ServiceUserCredentials admin = server.demoCredentials();
    Instant expected = CLOCK.instant().plus(Duration.ofMinutes(10));

    TestHttp.Answer answer = TestHttp.request(server, "POST", "/v1/teams/" + TEAM + "/service_token")
        .json("{\"key_id\":\"" + admin.keyId() + "\",\"key_secret\":\"" + admin.keySecret() + "\"}")
        .send();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("team_name").asText()).isEqualTo(TEAM);
    assertThat(Instant.parse(answer.json().get("expires_at").asText())).isEqualTo(expected);
    assertThat(answer.json().get("bearer_token").asText().split("\\.")).hasSize(3);
  }

  @Test
  void createServiceTokenRejectsWrongSecret() {
    ServiceUserCredentials admin = server.demoCredentials();

    TestHttp.Answer answer = TestHttp.request(server, "POST", "/v1/teams/" + TEAM + "/service_token")
        .json("{\"key_id\":\"" + admin.keyId() + "\",\"key_secret\":\"wrong\"}")
        .send();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("error").asText()).isEqualTo("authentication_error");
    assertThat(answer.message()).isEqualTo("The API key is invalid: unknown key_id or wrong key_secret.");
  }

  @Test
  void createServiceTokenRejectsUnknownKey() {
    TestHttp.Answer answer = TestHttp.request(server, "POST", "/v1/teams/" + TEAM + "/service_token")
        .json("{\"key_id\":\"00000000-0000-4000-8000-000000000000\",\"key_secret\":\"whatever\"}")
        .send();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo("The API key is invalid: unknown key_id or wrong key_secret.");
  }

  @Test
  void createServiceTokenRejectsKeyOfOtherTeam() {
    ServiceUserCredentials other = server.credentials("other-admin");

    TestHttp.Answer answer = TestHttp.request(server, "POST", "/v1/teams/" + TEAM + "/service_token")
        .json("{\"key_id\":\"" + other.keyId() + "\",\"key_secret\":\"" + other.keySecret() + "\"}")
        .send();

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void createServiceTokenReportsUnknownTeam() {
    ServiceUserCredentials admin = server.demoCredentials();

    TestHttp.Answer answer = TestHttp.request(server, "POST", "/v1/teams/No_Such_Team/service_token")
        .json("{\"key_id\":\"" + admin.keyId() + "\",\"key_secret\":\"" + admin.keySecret() + "\"}")
        .send();

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.message()).isEqualTo("Team No_Such_Team does not exist.");
  }

  @Test
  void validTokenIsAccepted() {
    String token = TestHttp.token(server, "demo-admin");

    TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(token).send();

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void missingAuthorizationIsRejected() {
    TestHttp.Answer answer = TestHttp.get(server, SERVERS).send();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo("The Authorization header is missing; send Authorization: Bearer <token>.");
    assertThat(answer.json().at("/error_cause/0/location").asText()).isEqualTo("Authorization");
  }

  @Test
  void basicSchemeIsRejected() {
    TestHttp.Answer answer = TestHttp.get(server, SERVERS).header("Authorization", "Basic dXNlcjpwYXNz").send();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo("The Authorization header must use the Bearer scheme.");
  }

  @Test
  void malformedTokenIsRejected() {
    TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer("not-a-jwt").send();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo("The bearer token is malformed: a JWT has three parts.");
  }

  @Test
  void tokenWithBadBase64IsRejected() {
    TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer("a.b*c.d").send();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo("The bearer token is malformed: its parts are not base64url JSON.");
  }

  @Test
  void tokenOfAnotherServerIsRejected() {
    String foreign = TestHttp.token(otherServer, "demo-admin");

    TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(foreign).send();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo("The bearer token was not issued by this server.");
  }

  @Test
  void alteredTokenIsRejected() {
    String[] parts = TestHttp.token(server, "demo-end-user").split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"exp\":", "\"exp\":9");
    String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

    TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(altered).send();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo("The bearer token was not issued by this server.");
  }

  @Test
  void expiredTokenIsRejected() {
    String token = TestHttp.token(server, "demo-admin");
    CLOCK.advance(Duration.ofMinutes(10));

    TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(token).send();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo("The bearer token is expired.");
  }

  @Test
  void tokenUsedBeforeExpiresAfterwards() {
    String token = TestHttp.token(server, "demo-admin");
    int before = TestHttp.get(server, SERVERS).bearer(token).send().status();
    CLOCK.advance(Duration.ofMinutes(10));

    TestHttp.Answer answer = TestHttp.get(server, SERVERS).bearer(token).send();

    assertThat(before).isEqualTo(200);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo("The bearer token is expired.");
  }

  @Test
  void tokenOfTeamAIsRejectedOnTeamBPath() {
    String token = TestHttp.token(server, "demo-admin");

    TestHttp.Answer answer = TestHttp.get(server, "/v1/teams/Other_Team/servers").bearer(token).send();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo("The bearer token is for another team than Other_Team.");
  }
}
