package dev.opateams.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatGateCliTest {

    @TempDir
    Path work;

    private Path baseline;
    private Path reportDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeBaseline() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/corpus/base.yaml")) {
            baseline = work.resolve("baseline.yaml");
            Files.write(baseline, in.readAllBytes());
        }
        reportDir = work.resolve("report");
    }

    @Test
    void unchangedSpecPasses() throws IOException {
        int exitCode = run("--baseline", baseline.toString(), "--current", baseline.toString(),
                "--baseline-version", "1.0.0", "--current-version", "1.1.0-SNAPSHOT", "--report-dir", reportDir.toString());

        assertThat(exitCode).isEqualTo(CompatGateCli.PASSED);
        assertThat(stdout()).startsWith("API compatibility gate: passed\n");
        assertThat(Files.readString(reportDir.resolve("compat-report.md"))).startsWith("## API compatibility: passed\n");
    }

    @Test
    void breakingChangeFailsAndIsReported() throws IOException {
        Path current = changedSpec();

        int exitCode = run("--baseline", baseline.toString(), "--current", current.toString(),
                "--baseline-version", "1.0.0", "--current-version", "1.1.0-SNAPSHOT", "--report-dir", reportDir.toString());

        assertThat(exitCode).isEqualTo(CompatGateCli.FAILED);
        assertThat(stdout()).contains("API compatibility gate: FAILED\n",
                "  spec: 1 breaking, 0 warning(s), 0 compatible\n",
                "  Java API: not compared, no jars given\n",
                "  BREAKING [spec] listServers response 404: response 404 removed:",
                "  1 breaking change(s) while the major version stays 1: revert them,"
                        + " or raise the major version above 1.\n");
        JsonNode json = new ObjectMapper().readTree(reportDir.resolve("compat-report.json").toFile());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.at("/changes/0/rule").asText()).isEqualTo("response-status-removed");
        assertThat(json.at("/changes/0/location").asText()).isEqualTo("listServers response 404");
        assertThat(json.at("/changes/0/severity").asText()).isEqualTo("breaking");
        assertThat(Files.readString(reportDir.resolve("compat-report.md")))
                .contains("| spec | `listServers response 404` | response-status-removed | response 404 removed:");
    }

    @Test
    void raisedMajorAllowsBreakingChange() throws IOException {
        Path current = changedSpec();

        int exitCode = run("--baseline", baseline.toString(), "--current", current.toString(),
                "--baseline-version", "1.0.0", "--current-version", "2.0.0-SNAPSHOT", "--report-dir", reportDir.toString());

        assertThat(exitCode).isEqualTo(CompatGateCli.PASSED);
        assertThat(stdout()).contains("  1 breaking change(s), allowed because the major version was raised from 1 to 2.\n");
    }

    @Test
    void artifactVersionOverridesBaselineVersion() throws IOException {
        Path current = changedSpec();

        int exitCode = run("--baseline", baseline.toString(), "--current", current.toString(),
                "--baseline-version=0.1.0", "--baseline-artifact=dev.opateams:opa-teams-api-spec:2.3.0",
                "--current-version", "2.4.0", "--report-dir", reportDir.toString());

        assertThat(exitCode).isEqualTo(CompatGateCli.FAILED);
        assertThat(stdout()).contains("baseline dev.opateams:opa-teams-api-spec:2.3.0 (2.3.0)");
    }

    @Test
    void specIsReadFromJar() throws IOException {
        Path jar = work.resolve("opa-teams-api-spec-1.0.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(CompatGateCli.DEFAULT_SPEC_RESOURCE));
            Files.copy(baseline, out);
            out.closeEntry();
        }

        int exitCode = run("--baseline", jar.toString(), "--current", baseline.toString(),
                "--baseline-version", "1.0.0", "--current-version", "1.0.1", "--report-dir", reportDir.toString());

        assertThat(exitCode).isEqualTo(CompatGateCli.PASSED);
    }

    @Test
    void jarWithoutSpecIsRejected() throws IOException {
        Path jar = work.resolve("empty.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("README.txt"));
            out.closeEntry();
        }

        int exitCode = run("--baseline", jar.toString(), "--current", baseline.toString(),
                "--baseline-version", "1.0.0", "--current-version", "1.0.1");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Compatibility gate failed to run: --baseline " + jar
                + " contains no dev/opateams/api/opa-teams.yaml; set --spec-resource to the spec's path inside the jar\n");
    }

    @Test
    void missingSpecFileIsRejected() {
        Path missing = work.resolve("missing.yaml");

        int exitCode = run("--baseline", missing.toString(), "--current", baseline.toString(),
                "--baseline-version", "1.0.0", "--current-version", "1.0.1");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Compatibility gate failed to run: --baseline " + missing + " is not a file\n");
    }

    @Test
    void invalidSpecIsRejected() throws IOException {
        Path invalid = Files.writeString(work.resolve("invalid.yaml"), "- just\n- a list\n");

        int exitCode = run("--baseline", baseline.toString(), "--current", invalid.toString(),
                "--baseline-version", "1.0.0", "--current-version", "1.0.1");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).startsWith("Compatibility gate failed to run: The current spec is not a valid OpenAPI 3 document: ");
    }

    @Test
    void unreadableYamlPrintsOneLineOnly() throws IOException, InterruptedException {
        Path broken = Files.writeString(work.resolve("broken.yaml"), "openapi: 3.0.3\ninfo: [unclosed\n  title: x\n");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CompatGateCli.class.getName(),
                "--baseline", broken.toString(), "--current", baseline.toString(),
                "--baseline-version", "1.0.0", "--current-version", "1.0.1", "--report-dir", reportDir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();

        String processStderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(processStderr).isEqualTo("Compatibility gate failed to run: The baseline spec is not a valid"
                + " OpenAPI 3 document: while parsing a flow sequence in 'reader', line 2, column 7:"
                + " info: [unclosed ^ expected ',' or ']', but got : in 'reader', line 3, column 8: title: x ^\n");
    }

    @Test
    void missingBaselineJarNamesOption() throws IOException {
        Path currentJar = Files.createFile(work.resolve("current.jar"));

        int exitCode = run("--baseline", baseline.toString(), "--current", baseline.toString(),
                "--baseline-version", "1.0.0", "--current-version", "1.0.1",
                "--baseline-jar", "nope1.jar", "--current-jar", currentJar.toString());

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Compatibility gate failed to run: --baseline-jar nope1.jar is not a file\n");
    }

    @Test
    void missingCurrentJarNamesOption() throws IOException {
        Path baselineJar = Files.createFile(work.resolve("baseline.jar"));

        int exitCode = run("--baseline", baseline.toString(), "--current", baseline.toString(),
                "--baseline-version", "1.0.0", "--current-version", "1.0.1",
                "--baseline-jar", baselineJar.toString(), "--current-jar", "nope2.jar");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Compatibility gate failed to run: --current-jar nope2.jar is not a file\n");
    }

    @Test
    void invalidBaselineVersionNamesOption() {
        int exitCode = run("--baseline", "a.yaml", "--current", "b.yaml", "--baseline-version", "abc",
                "--current-version", "1.0.1");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Invalid arguments: --baseline-version must start with a major version"
                + " number such as 1.2.3, but was \"abc\"\nRun with --help for the options.\n");
    }

    @Test
    void invalidArtifactVersionNamesOption() {
        int exitCode = run("--baseline", "a.yaml", "--current", "b.yaml",
                "--baseline-artifact", "dev.opateams:opa-teams-api-spec:abc", "--current-version", "1.0.1");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Invalid arguments: the version in --baseline-artifact must start with a"
                + " major version number such as 1.2.3, but was \"abc\"\nRun with --help for the options.\n");
    }

    @Test
    void invalidCurrentVersionNamesOption() {
        int exitCode = run("--baseline", "a.yaml", "--current", "b.yaml", "--baseline-version", "1.0.0",
                "--current-version", "next");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Invalid arguments: --current-version must start with a major version"
                + " number such as 1.2.3, but was \"next\"\nRun with --help for the options.\n");
    }

    @Test
    void missingBaselineOptionIsRejected() {
        int exitCode = run("--current", "spec.yaml", "--current-version", "1.0.0");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Invalid arguments: --baseline is missing\nRun with --help for the options.\n");
    }

    @Test
    void unknownOptionIsRejected() {
        int exitCode = run("--baseline", "a.yaml", "--strict", "true");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Invalid arguments: unknown option --strict\nRun with --help for the options.\n");
    }

    @Test
    void unpairedJarOptionIsRejected() {
        int exitCode = run("--baseline", "a.yaml", "--current", "b.yaml", "--baseline-version", "1.0.0",
                "--current-version", "1.0.1", "--baseline-jar", "a.jar");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Invalid arguments: --baseline-jar and --current-jar must be given together\n"
                + "Run with --help for the options.\n");
    }

    @Test
    void malformedArtifactIsRejected() {
        int exitCode = run("--baseline", "a.yaml", "--current", "b.yaml", "--baseline-artifact", "opa-teams-api-spec",
                "--current-version", "1.0.1");

        assertThat(exitCode).isEqualTo(CompatGateCli.USAGE_ERROR);
        assertThat(stderr()).isEqualTo("Invalid arguments: --baseline-artifact must be groupId:artifactId:version,"
                + " but was \"opa-teams-api-spec\"\nRun with --help for the options.\n");
    }

    @Test
    void helpListsOptions() {
        int exitCode = run("--help");

        assertThat(exitCode).isEqualTo(CompatGateCli.PASSED);
        assertThat(stdout()).contains("--baseline FILE", "--current-jar FILE", "--report-dir DIR");
    }

    private Path changedSpec() throws IOException {
        String text = Files.readString(baseline).replace("        '404':\n          description: No such team.\n", "");
        return Files.writeString(work.resolve("current.yaml"), text);
    }

    private int run(String... args) {
        return CompatGateCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
