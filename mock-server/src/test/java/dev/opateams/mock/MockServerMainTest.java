package dev.opateams.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Option handling of the command line; starting the jar itself is tested in ExecutableJarIT. */
class MockServerMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpPrintsUsage() {
    int status = run("--help");

    assertThat(status).isZero();
    assertThat(text(out)).contains("Usage: java -jar opa-teams-mock-server.jar [options]", "--port N", "--seed FILE",
        "--latency MS", "--fail-429 SHARE", "--fail-503 SHARE");
    assertThat(text(err)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--port abc                 | Error: Invalid value for --port: 'abc' (expected an integer from 0 to 65535).",
      "--port 70000               | Error: Invalid value for --port: '70000' (expected an integer from 0 to 65535).",
      "--latency -1               | Error: Invalid value for --latency: '-1' (expected an integer from 0 to 600000).",
      "--token-lifetime 0         | Error: Invalid value for --token-lifetime: '0' (expected an integer from 1 to 31536000).",
      "--fail-429 1.5             | Error: Invalid value for --fail-429: '1.5' (expected a number from 0 to 1).",
      "--fail-503 lots            | Error: Invalid value for --fail-503: 'lots' (expected a number from 0 to 1).",
      "--fail-429 0.6 --fail-503 0.6 | Error: --fail-429 and --fail-503 add up to more than 1.",
      "--verbose true             | Error: Unknown option --verbose.",
      "serve                      | Error: Unexpected argument 'serve'.",
      "--port                     | Error: The option --port needs a value.",
      "--port=abc                 | Error: Invalid value for --port: 'abc' (expected an integer from 0 to 65535).",
      "--port=                    | Error: Invalid value for --port: '' (expected an integer from 0 to 65535).",
      "--rate-limit=0             | Error: Invalid value for --rate-limit: '0' (expected an integer from 1 to 2147483647).",
      "--fail-429=0.6 --fail-503=0.6 | Error: --fail-429 and --fail-503 add up to more than 1.",
      "--verbose=true             | Error: Unknown option --verbose.",
      "--help=yes                 | Error: The option --help takes no value.",
      "--bind not-a-host.invalid  | Error: Invalid value for --bind: 'not-a-host.invalid' (expected localhost or an IP address of this machine; host names are not looked up).",
      "--bind=example.com         | Error: Invalid value for --bind: 'example.com' (expected localhost or an IP address of this machine; host names are not looked up).",
      "--bind 192.0.2.1           | Error: Invalid value for --bind: '192.0.2.1' (expected localhost or an IP address of this machine; host names are not looked up).",
      "--bind 256.0.0.1           | Error: Invalid value for --bind: '256.0.0.1' (expected localhost or an IP address of this machine; host names are not looked up).",
      "--bind 127.1               | Error: Invalid value for --bind: '127.1' (expected localhost or an IP address of this machine; host names are not looked up).",
      "--bind=2001:db8::1         | Error: Invalid value for --bind: '2001:db8::1' (expected localhost or an IP address of this machine; host names are not looked up).",
      "--bind ::g                 | Error: Invalid value for --bind: '::g' (expected localhost or an IP address of this machine; host names are not looked up).",
      "--seed /nonexistent/seed.json | Error: Seed file /nonexistent/seed.json does not exist.",
  })
  void invalidOptionIsReported(String arguments, String message) {
    int status = run(arguments.trim().split("\\s+"));

    assertThat(status).isEqualTo(2);
    assertThat(text(err).lines()).containsExactly(message, "Run with --help for the list of options.");
    assertThat(text(out)).isEmpty();
  }

  @Test
  void portInUseFailsToStart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int status = run("--port", Integer.toString(taken.getLocalPort()));

      assertThat(status).isEqualTo(1);
      assertThat(text(err).trim()).isEqualTo("Error: Failed to bind the mock server to 127.0.0.1:"
          + taken.getLocalPort() + ": Address already in use; choose another port with --port.");
    }
  }

  @Test
  void equalsFormSetsPortAndBind() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int status = run("--bind=127.0.0.1", "--port=" + taken.getLocalPort());

      assertThat(status).isEqualTo(1);
      assertThat(text(err).trim()).isEqualTo("Error: Failed to bind the mock server to 127.0.0.1:"
          + taken.getLocalPort() + ": Address already in use; choose another port with --port.");
    }
  }

  @Test
  void helpMentionsEqualsFormAndBindRule() {
    run("--help");

    assertThat(text(out)).contains("Every option that takes a value also accepts the form --option=value.",
        "--bind ADDRESS        address to listen on: localhost or an IP address of this machine");
  }

  private int run(String... args) {
    return MockServerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
