package dev.opateams.client;

import static dev.opateams.client.Fixtures.TEAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.opateams.client.ScriptedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorsTest {

  private static final String STATS_LINE = "GET " + TEAM_PATH + "/team_stats";
  private static final String STATS_FAILED =
      "getTeamStats (GET /v1/teams/Test_Team/team_stats) failed with HTTP ";

  private ScriptedServer server;
  private OpaTeamsClient client;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    client = Fixtures.clientFor(server, new RecordingSleeper())
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private OpaApiException statsFailure(Reply reply) {
    server.enqueue(STATS_LINE, reply);
    return catchThrowableOfType(OpaApiException.class, () -> client.getTeamStats());
  }

  @Test
  void badRequestCarriesNameMessageAndCauses() {
    OpaApiException error = statsFailure(Reply.json(400, "{\"code\":400,\"error\":"
        + "\"invalid_request\",\"message\":\"count: must be at least 1\",\"error_cause\":"
        + "[{\"error\":\"must be at least 1\",\"location_type\":\"query\",\"location\":\"count\"}]}"));

    assertThat(error).isInstanceOf(BadRequestException.class)
        .hasMessage(STATS_FAILED + "400: invalid_request: count: must be at least 1");
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.method()).isEqualTo("GET");
    assertThat(error.path()).isEqualTo("/v1/teams/Test_Team/team_stats");
    assertThat(error.operationId()).isEqualTo("getTeamStats");
    assertThat(error.errorName()).isEqualTo("invalid_request");
    assertThat(error.errorMessage()).isEqualTo("count: must be at least 1");
    assertThat(error.errorCauses()).hasSize(1);
    assertThat(error.errorCauses().get(0).getLocation()).isEqualTo("count");
  }

  @Test
  void forbiddenReadsTheMessageAndErrorsShape() {
    OpaApiException error = statsFailure(Reply.json(403, "{\"message\":\"The caller does not "
        + "have a role that this operation requires.\",\"errors\":[{\"path\":\"Authorization\","
        + "\"message\":\"requires one of the roles resource_admin, security_admin\"}]}"));

    assertThat(error).isInstanceOf(ForbiddenException.class)
        .hasMessage(STATS_FAILED + "403: The caller does not have a role that this operation "
            + "requires. [Authorization: requires one of the roles resource_admin, "
            + "security_admin]");
    assertThat(error.errorName()).isNull();
    assertThat(error.fieldErrors()).hasSize(1);
    assertThat(error.fieldErrors().get(0).getPath()).isEqualTo("Authorization");
  }

  @Test
  void notFoundIsTyped() {
    OpaApiException error = statsFailure(Reply.json(404,
        "{\"code\":404,\"error\":\"resource_does_not_exist\",\"message\":\"No such Team.\"}"));

    assertThat(error).isInstanceOf(NotFoundException.class)
        .hasMessage(STATS_FAILED + "404: resource_does_not_exist: No such Team.");
  }

  @Test
  void conflictIsTyped() {
    OpaApiException error = statsFailure(Reply.json(409,
        "{\"code\":409,\"error\":\"resource_already_exists\"}"));

    assertThat(error).isInstanceOf(ConflictException.class)
        .hasMessage(STATS_FAILED + "409: resource_already_exists");
  }

  @Test
  void rateLimitedCarriesRetryTime() {
    OpaApiException error = statsFailure(Reply.json(429,
            "{\"code\":429,\"error\":\"too_many_requests\"}")
        .header("X-RateLimit-Retry-At", "1764496400"));

    assertThat(error).isInstanceOf(RateLimitedException.class)
        .hasMessage(STATS_FAILED + "429: too_many_requests");
    assertThat(((RateLimitedException) error).retryAt())
        .hasValueSatisfying(at -> assertThat(at.getEpochSecond()).isEqualTo(1764496400L));
  }

  @Test
  void serverErrorWithEmptyBodyIsTyped() {
    OpaApiException error = statsFailure(Reply.status(502));

    assertThat(error).isInstanceOf(ServerErrorException.class)
        .hasMessage(STATS_FAILED + "502 and an empty body");
    assertThat(error.rawBody()).isEmpty();
    assertThat(error.errorName()).isNull();
  }

  @Test
  void nonJsonBodyIsKeptRaw() {
    OpaApiException error = statsFailure(new Reply(500, java.util.Map.of("Content-Type",
        "text/html"), "<html><body>Internal error</body></html>"));

    assertThat(error).isInstanceOf(ServerErrorException.class)
        .hasMessage(STATS_FAILED + "500 and a body that is not a JSON object");
    assertThat(error.rawBody()).isEqualTo("<html><body>Internal error</body></html>");
  }

  @Test
  void jsonArrayBodyIsNotAnErrorObject() {
    OpaApiException error = statsFailure(Reply.json(400, "[1,2]"));

    assertThat(error).hasMessage(STATS_FAILED + "400 and a body that is not a JSON object");
  }

  @Test
  void errorMembersOfWrongTypeKeepTheRest() {
    OpaApiException error = statsFailure(Reply.json(400,
        "{\"error\":\"invalid_request\",\"errors\":\"not a list\"}"));

    assertThat(error).hasMessage(STATS_FAILED + "400: invalid_request");
    assertThat(error.fieldErrors()).isEmpty();
  }

  @Test
  void otherClientErrorIsTheBaseType() {
    OpaApiException error = statsFailure(Reply.json(415,
        "{\"code\":415,\"error\":\"unsupported_content_type\"}"));

    assertThat(error.getClass()).isEqualTo(OpaApiException.class);
    assertThat(error).hasMessage(STATS_FAILED + "415: unsupported_content_type");
  }

  @Test
  void redirectIsReportedNotFollowed() {
    OpaApiException error = statsFailure(Reply.status(302)
        .header("Location", "http://127.0.0.2:9/elsewhere"));

    assertThat(error.status()).isEqualTo(302);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void rawBodyIsCut() {
    String longMessage = "x".repeat(10_000);

    OpaApiException error = statsFailure(Reply.json(400, "{\"message\":\"" + longMessage + "\"}"));

    assertThat(error.rawBody()).hasSize(OpaApiException.MAX_RAW_BODY_CHARS);
    assertThat(error.errorMessage()).isEqualTo(longMessage);
  }

  @Test
  void rawBodyRedactsSecrets() {
    OpaApiException error = statsFailure(Reply.json(400,
        "{\"message\":\"bad\",\"key_secret\":\"" + Fixtures.KEY_SECRET + "\"}"));

    assertThat(error.rawBody()).isEqualTo("{\"message\":\"bad\",\"key_secret\":\"<redacted>\"}");
  }

  @Test
  void invalidSuccessBodyIsReported() {
    server.enqueue(STATS_LINE, Reply.json(200, "{\"num_clients\": \"many\""));

    OpaTeamsException error =
        catchThrowableOfType(OpaTeamsException.class, () -> client.getTeamStats());

    assertThat(error.getMessage()).startsWith("getTeamStats (GET /v1/teams/Test_Team/team_stats)"
        + " returned a body that is not a valid TeamStats: ");
  }

  @Test
  void connectionFailureNamesTheOperation() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (OpaTeamsClient refused = Fixtures.clientFor(server, new RecordingSleeper())
        .baseUrl("http://127.0.0.1:" + closedPort).retryPolicy(RetryPolicy.none()).build()) {

      OpaTeamsException error =
          catchThrowableOfType(OpaTeamsException.class, refused::getTeamStats);

      assertThat(error.getMessage()).startsWith(
          "getTeamStats (GET /v1/teams/Test_Team/team_stats) failed after 1 attempt: "
              + "ConnectException");
    }
  }
}
