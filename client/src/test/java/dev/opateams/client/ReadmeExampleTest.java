package dev.opateams.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's client example identical to {@code example/ListProductionServers.java},
 * which the test compilation compiles against the public API only. The example is never run: it
 * names a real organization URL.
 */
class ReadmeExampleTest {

  @Test
  void readmeShowsTheCompiledExample() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/example/ListProductionServers.java"), StandardCharsets.UTF_8);
    String withoutPackage = source.substring(source.indexOf("import "));

    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

    assertThat(readme).contains("```java\n" + withoutPackage + "```\n");
  }
}
