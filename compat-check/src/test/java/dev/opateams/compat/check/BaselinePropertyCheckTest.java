package dev.opateams.compat.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs this module's build in a nested Maven process with a bad compat.* property, and checks
 * that the enforcer stops it with a message that names the property, before any code generation.
 *
 * <p>The nested build runs offline with the outer build's local repository, because every plugin
 * it reaches has already run in the outer build.
 */
class BaselinePropertyCheckTest {

    private static final Path ROOT = Path.of(System.getProperty("test.rootDirectory"));

    @TempDir
    Path work;

    @Test
    void missingBaselineSpecNamesProperty() throws IOException, InterruptedException {
        Path missing = work.resolve("nope.yaml");

        MavenRun run = maven("generate-sources", "-Dcompat.baseline.spec=" + missing);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("[ERROR] compat.baseline.spec names " + missing
                + ", which is not a file. Set -Dcompat.baseline.spec=PATH to an OpenAPI spec file.\n");
        assertThat(run.output()).doesNotContain("Code generation failed");
    }

    @Test
    void invalidBaselineVersionNamesProperty() throws IOException, InterruptedException {
        MavenRun run = maven("validate", "-Dcompat.baseline.version=abc");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("[ERROR] compat.baseline.version must start with a major version number"
                + " such as 1.2.3, but was \"abc\"\n");
    }

    private static MavenRun maven(String phase, String property) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve(windows ? "mvnw.cmd" : "mvnw").toString(),
                "-B", "-q", "-o", "-Dmaven.repo.local=" + System.getProperty("test.localRepository"),
                "-f", ROOT.resolve("pom.xml").toString(), "-pl", "compat-check", "-am", phase, property));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new MavenRun(process.waitFor(), output);
    }

    private record MavenRun(int exitCode, String output) {
    }
}
