package dev.opateams.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens /docs in headless Chromium (Debian's chromium package), driven by
 * its command line: --dump-dom for the rendered page and --screenshot for a
 * picture in target/. Skipped where /usr/bin/chromium is missing.
 */
class DocsBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path TARGET = Path.of("target");

  private static MockServer server;

  @BeforeAll
  static void start() {
    assumeTrue(Files.isExecutable(CHROMIUM),
        "Chromium is not installed at " + CHROMIUM + "; install the Debian package chromium to run this test");
    server = MockServer.builder().build().start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void docsPageListsEveryOperation() throws Exception {
    String dom = runChromium("--dump-dom", server.baseUri() + "/docs");

    for (String operationId : ApiSpec.load().operations().keySet()) {
      assertThat(dom).as(operationId).contains("opblock-summary-operation-id\">" + operationId + "<");
    }
    assertThat(ApiSpec.load().operations()).hasSize(9);
    assertThat(dom).contains(server.baseUri() + " - This mock server.");
  }

  @Test
  void docsPageScreenshotIsSaved() throws Exception {
    Path screenshot = TARGET.resolve("docs-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);

    runChromium("--window-size=1280,1600", "--hide-scrollbars", "--screenshot=" + screenshot,
        server.baseUri() + "/docs");

    byte[] png = Files.readAllBytes(screenshot);
    assertThat(png.length).isGreaterThan(20_000);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  /** Runs Chromium headless with a fresh profile and no background traffic; returns its standard output. */
  private static String runChromium(String... arguments) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(TARGET.toAbsolutePath(), "chromium-profile-");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--virtual-time-budget=15000"));
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile(TARGET.toAbsolutePath(), "chromium-", ".out");
    Process process = new ProcessBuilder(command)
        .redirectOutput(output.toFile())
        .redirectError(TARGET.resolve("chromium-stderr.log").toFile())
        .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 90 seconds: " + command);
    }
    assertThat(process.exitValue()).as("Chromium exit status").isZero();
    return Files.readString(output);
  }
}
