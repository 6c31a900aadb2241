package dev.opateams.client;

import static dev.opateams.client.Fixtures.TEAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opateams.client.ScriptedServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Checks what each {@link LogLevel} writes, in the log file that the whole test run shares. */
class WireLogTest {

  private static final String SETTINGS_LINE = "GET " + TEAM_PATH + "/settings";

  private static String capturedLog() throws IOException {
    return Files.readString(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")),
        StandardCharsets.UTF_8);
  }

  /** Fetches the settings once with {@code level}; the Team name in the body is unique. */
  private static String fetchSettingsWith(LogLevel level, String headerValue) {
    String team = "Team-" + level + "-" + System.nanoTime();
    try (ScriptedServer server = ScriptedServer.start();
        OpaTeamsClient client = Fixtures.clientFor(server, new RecordingSleeper())
            .logLevel(level).build()) {
      server.enqueue(SETTINGS_LINE, Reply.json(200, "{\"team\":\"" + team + "\"}")
          .header("X-Test-Header", headerValue));

      client.getTeamSettings();
    }
    return team;
  }

  @Test
  void bodyLevelLogsHeadersAndBody() throws IOException {
    String header = "header-" + System.nanoTime();

    String team = fetchSettingsWith(LogLevel.BODY, header);

    String log = capturedLog();
    assertThat(log).contains("x-test-header: " + header);
    assertThat(log).contains("{\"team\":\"" + team + "\"}");
  }

  @Test
  void headersLevelLeavesOutTheBody() throws IOException {
    String header = "header-" + System.nanoTime();

    String team = fetchSettingsWith(LogLevel.HEADERS, header);

    String log = capturedLog();
    assertThat(log).contains("x-test-header: " + header);
    assertThat(log).doesNotContain(team);
  }

  @Test
  void basicLevelLogsOnlyTheExchangeLines() throws IOException {
    String header = "header-" + System.nanoTime();

    fetchSettingsWith(LogLevel.BASIC, header);

    String log = capturedLog();
    assertThat(log).doesNotContain(header);
    assertThat(log).containsPattern("<-- 200 GET http://127\\.0\\.0\\.1:[0-9]+"
        + "/v1/teams/Test_Team/settings \\(getTeamSettings, [0-9]+ ms, [0-9]+-byte body\\)");
  }

  @Test
  void noneLevelLogsNoExchange() throws IOException {
    String header = "header-" + System.nanoTime();
    long linesBefore = capturedLog().lines().count();

    fetchSettingsWith(LogLevel.NONE, header);

    assertThat(capturedLog().lines().count()).isEqualTo(linesBefore);
  }
}
