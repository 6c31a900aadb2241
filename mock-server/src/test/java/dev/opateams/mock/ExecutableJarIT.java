package dev.opateams.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Starts target/opa-teams-mock-server.jar as its own process, as a user would. */
class ExecutableJarIT {

  private static final Path JAR = Path.of("target", "opa-teams-mock-server.jar");
  private static final Pattern BASE_URL = Pattern.compile("^OPA Teams mock server: (http://127\\.0\\.0\\.1:\\d+) ");
  private static final Pattern CREDENTIALS = Pattern.compile(
      "^Demo service user demo-admin of team Your_OPA_Team: key_id=(\\S+) key_secret=(\\S+)$");

  @Test
  void jarServesApiAndStopsOnSigterm() throws Exception {
    Path log = Files.createTempFile(Path.of("target"), "jar-", ".log");
    Process process = new ProcessBuilder(javaCommand("--port", "0"))
        .redirectError(log.toFile())
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Matcher base = BASE_URL.matcher(out.readLine());
      Matcher credentials = CREDENTIALS.matcher(out.readLine());
      assertThat(base.find()).isTrue();
      assertThat(credentials.find()).isTrue();

      HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(base.group(1) + "/v1/teams/Your_OPA_Team/service_token"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"key_id\":\"" + credentials.group(1)
              + "\",\"key_secret\":\"" + credentials.group(2) + "\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(token.statusCode()).isEqualTo(200);
      String bearer = token.body().replaceAll(".*\"bearer_token\":\"([^\"]+)\".*", "$1");
      HttpResponse<String> servers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(base.group(1) + "/v1/teams/Your_OPA_Team/servers?count=1"))
          .header("Authorization", "Bearer " + bearer)
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(servers.statusCode()).isEqualTo(200);

      process.destroy();

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
      assertThat(process.exitValue()).as("128 + SIGTERM").isEqualTo(143);
      String stderr = Files.readString(log);
      assertThat(stderr).contains("INFO dev.opateams.mock.access - POST /v1/teams/Your_OPA_Team/service_token 200");
      assertThat(stderr).contains("INFO dev.opateams.mock.MockServer - Mock server on " + base.group(1) + " stopped");
      assertThat(stderr).containsPattern("INFO dev\\.opateams\\.mock\\.access - GET /v1/teams/Your_OPA_Team/servers 200 "
          + "[0-9.]+ ms request_id=\\S+");
      assertThat(stderr).doesNotContain(credentials.group(2));
      assertThat(stderr).doesNotContain(bearer);
      assertThat(stderr).doesNotContain("Exception");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void jarRateLimitSetsMatchingRetryHeaders() throws Exception {
    Process process = new ProcessBuilder(javaCommand("--port=0", "--bind=localhost", "--rate-limit=2"))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Matcher base = BASE_URL.matcher(out.readLine());
      assertThat(base.find()).isTrue();
      HttpRequest request = HttpRequest.newBuilder(URI.create(base.group(1) + "/v1/teams/Your_OPA_Team/servers")).build();
      HttpClient client = HttpClient.newHttpClient();

      // Two requests fill the window; more are sent in case the one-minute window rolled over meanwhile.
      HttpResponse<String> limited = null;
      long before = 0;
      long after = 0;
      for (int i = 0; i < 6 && limited == null; i++) {
        before = System.currentTimeMillis() / 1000;
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        after = System.currentTimeMillis() / 1000;
        limited = response.statusCode() == 429 ? response : null;
      }

      assertThat(limited).as("a 429 within 6 requests").isNotNull();
      long retryAt = Long.parseLong(limited.headers().firstValue("X-RateLimit-Retry-At").orElseThrow());
      long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(Math.max(1, retryAt - after), Math.max(1, retryAt - before));
      assertThat(retryAfter).isBetween(1L, 60L);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void invalidBindExitsWithStatusTwo() throws Exception {
    Process process = new ProcessBuilder(javaCommand("--bind", "not-a-host.invalid")).redirectErrorStream(true).start();

    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output.lines()).containsExactly(
        "Error: Invalid value for --bind: 'not-a-host.invalid' (expected localhost or an IP address of this machine;"
            + " host names are not looked up).",
        "Run with --help for the list of options.");
  }

  @Test
  void invalidOptionExitsWithStatusTwo() throws Exception {
    Process process = new ProcessBuilder(javaCommand("--port", "eighty")).redirectErrorStream(true).start();

    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output.lines()).containsExactly(
        "Error: Invalid value for --port: 'eighty' (expected an integer from 0 to 65535).",
        "Run with --help for the list of options.");
  }

  private static List<String> javaCommand(String... options) throws IOException {
    assertThat(JAR).as("the executable jar; run mvn package first").exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
    command.addAll(List.of(options));
    return command;
  }
}
