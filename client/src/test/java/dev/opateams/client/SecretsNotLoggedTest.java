package dev.opateams.client;

import static dev.opateams.client.Fixtures.TEAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.opateams.client.ScriptedServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scans the log of the whole test run for secrets. Surefire sends every SLF4J line, at TRACE and
 * above, to the file named by {@code org.slf4j.simpleLogger.logFile}; the other test classes use
 * {@link LogLevel#BODY}, and this class runs last ({@link ClassOrderer.OrderAnnotation}). It also
 * runs its own exchange with every kind of secret, so that it checks something when run alone.
 */
@Order(Integer.MAX_VALUE)
class SecretsNotLoggedTest {

  private static final String TOKEN_LINE = "POST " + TEAM_PATH + "/service_token";
  private static final String STATS_LINE = "GET " + TEAM_PATH + "/team_stats";

  static List<String> linesWithSecrets(String log) {
    return log.lines()
        .filter(line -> line.contains(Fixtures.SECRET_MARKER))
        .collect(Collectors.toList());
  }

  private static String capturedLog() throws IOException {
    String file = System.getProperty("org.slf4j.simpleLogger.logFile");
    assertThat(file).as("org.slf4j.simpleLogger.logFile system property").isNotNull();
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }

  @Test
  void scanFindsPlantedSecret() {
    String log = "DEBUG ok\nDEBUG Authorization: Bearer token-" + Fixtures.SECRET_MARKER + "\n";

    List<String> found = linesWithSecrets(log);

    assertThat(found).containsExactly("DEBUG Authorization: Bearer token-" + Fixtures.SECRET_MARKER);
  }

  @Test
  void wholeRunLogsNoSecret() throws IOException {
    String token = "token-" + Fixtures.SECRET_MARKER;
    OpaApiException failure;
    try (ScriptedServer server = ScriptedServer.start();
        OpaTeamsClient client = OpaTeamsClient.builder()
            .baseUrl(server.baseUrl())
            .teamName(Fixtures.TEAM)
            .serviceUser(Fixtures.KEY_ID, Fixtures.KEY_SECRET)
            .logLevel(LogLevel.BODY)
            .sleeper(new RecordingSleeper())
            .retryPolicy(RetryPolicy.builder().jitter(0.0).build())
            .build()) {
      server.always(TOKEN_LINE, request -> Reply.json(200,
          Fixtures.tokenJson(token, Fixtures.NOW.plusSeconds(1_000_000_000), Fixtures.TEAM)));
      server.enqueue(STATS_LINE, Reply.json(401, "{\"error\":\"authentication_error\"}"),
          Reply.status(503),
          Reply.json(400, "{\"message\":\"echo\",\"bearer_token\":\"" + token + "\"}"));

      failure = catchThrowableOfType(OpaApiException.class, client::getTeamStats);
    }

    String log = capturedLog();

    assertThat(linesWithSecrets(log)).isEmpty();
    assertThat(log).contains("Authorization: <redacted>");
    assertThat(log).contains("\"key_secret\":\"<redacted>\"");
    assertThat(log).contains("\"bearer_token\":\"<redacted>\"");
    assertThat(log).contains("Retrying getTeamStats (GET /v1/teams/Test_Team/team_stats) after "
        + "HTTP 503: retry 1 of 3 in 500 ms");
    assertThat(failure.getMessage()).doesNotContain(Fixtures.SECRET_MARKER);
    assertThat(failure.rawBody()).doesNotContain(Fixtures.SECRET_MARKER);
  }

  @Test
  void forbiddenBodyIsNotLogged() throws IOException {
    String roles = "requires one of the roles resource_admin-" + System.nanoTime();
    try (ScriptedServer server = ScriptedServer.start();
        OpaTeamsClient client = Fixtures.clientFor(server, new RecordingSleeper()).build()) {
      server.enqueue(STATS_LINE, Reply.json(403, "{\"message\":\"" + roles + "\"}"));

      catchThrowableOfType(ForbiddenException.class, client::getTeamStats);
    }

    String log = capturedLog();

    assertThat(log).doesNotContain(roles);
    assertThat(log).contains("<403 body of ");
  }
}
