package dev.opateams.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles two versions of a small API with the JDK compiler, packs each into a jar and
 * compares the jars, the way the build compares jars generated from two specs.
 */
class JavaApiComparatorTest {

    private static final String API_V1 = """
            package demo;
            public interface ServersApi {
                String listServers(String team);
            }
            """;

    private static final String MODEL_V1 = """
            package demo;
            public class Server {
                public String getHostname() { return null; }
            }
            """;

    private static final String STATE_V1 = """
            package demo;
            public enum ServerState { ACTIVE, INACTIVE }
            """;

    @TempDir
    Path work;

    @Test
    void identicalJarsHaveNoChanges() throws IOException {
        Path baseline = jar("baseline", Map.of("demo/ServersApi.java", API_V1, "demo/Server.java", MODEL_V1));
        Path current = jar("current", Map.of("demo/ServersApi.java", API_V1, "demo/Server.java", MODEL_V1));

        List<Change> changes = new JavaApiComparator().compare(List.of(baseline), List.of(current));

        assertThat(changes).isEmpty();
    }

    @Test
    void positionalParameterBreaksCallers() throws IOException {
        Path baseline = jar("baseline", Map.of("demo/ServersApi.java", API_V1));
        Path current = jar("current", Map.of("demo/ServersApi.java", API_V1.replace(
                "String listServers(String team);", "String listServers(String team, Integer count);")));

        List<Change> changes = new JavaApiComparator().compare(List.of(baseline), List.of(current));

        assertThat(changes).extracting(Change::severity, Change::rule, Change::location).containsExactly(
                tuple(Severity.BREAKING, "java-method-removed", "demo.ServersApi.listServers(java.lang.String)"),
                tuple(Severity.WARNING, "java-method-added-to-interface",
                        "demo.ServersApi.listServers(java.lang.String,java.lang.Integer)"));
        assertThat(changes.get(0).reason())
                .isEqualTo("method removed or its signature changed: callers fail with NoSuchMethodError"
                        + " and no longer compile");
    }

    @Test
    void renamedClassBreaksCallers() throws IOException {
        Path baseline = jar("baseline", Map.of("demo/Server.java", MODEL_V1));
        Path current = jar("current", Map.of("demo/Host.java", MODEL_V1.replace("class Server", "class Host")));

        List<Change> changes = new JavaApiComparator().compare(List.of(baseline), List.of(current));

        assertThat(changes).extracting(Change::severity, Change::rule, Change::location).containsExactly(
                tuple(Severity.COMPATIBLE, "java-class-added", "demo.Host"),
                tuple(Severity.BREAKING, "java-class-removed", "demo.Server"));
    }

    @Test
    void removedEnumConstantBreaksCallers() throws IOException {
        Path baseline = jar("baseline", Map.of("demo/ServerState.java", STATE_V1));
        Path current = jar("current", Map.of("demo/ServerState.java", STATE_V1.replace(", INACTIVE", "")));

        List<Change> changes = new JavaApiComparator().compare(List.of(baseline), List.of(current));

        assertThat(changes).extracting(Change::severity, Change::rule, Change::location)
                .contains(tuple(Severity.BREAKING, "java-field-removed", "demo.ServerState.INACTIVE"));
    }

    @Test
    void addedGetterIsCompatible() throws IOException {
        Path baseline = jar("baseline", Map.of("demo/Server.java", MODEL_V1));
        Path current = jar("current", Map.of("demo/Server.java", MODEL_V1.replace("}\n}",
                "}\n    public String getOs() { return null; }\n}")));

        List<Change> changes = new JavaApiComparator().compare(List.of(baseline), List.of(current));

        assertThat(changes).isEmpty();
    }

    @Test
    void jarsSplitAcrossArchivesCompareAsOneApi() throws IOException {
        Path baselineApi = jar("baseline-api", Map.of("demo/ServersApi.java", API_V1));
        Path baselineModel = jar("baseline-model", Map.of("demo/Server.java", MODEL_V1));
        Path current = jar("current", Map.of("demo/ServersApi.java", API_V1, "demo/Server.java", MODEL_V1));

        List<Change> changes = new JavaApiComparator().compare(List.of(baselineApi, baselineModel), List.of(current));

        assertThat(changes).isEmpty();
    }

    @Test
    void missingJarIsRejected() {
        Path missing = work.resolve("missing.jar");

        assertThatThrownBy(() -> new JavaApiComparator().compare(List.of(missing), List.of(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baselineJars contains " + missing + ", which is not a file");
    }

    @Test
    void emptyJarListIsRejected() {
        assertThatThrownBy(() -> new JavaApiComparator().compare(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baselineJars must name at least one jar");
    }

    /** Compiles {@code sources} (path to text) and packs the classes into {@code name}.jar. */
    private Path jar(String name, Map<String, String> sources) throws IOException {
        Path sourceRoot = Files.createDirectories(work.resolve(name + "-src"));
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();

        Path jar = work.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
