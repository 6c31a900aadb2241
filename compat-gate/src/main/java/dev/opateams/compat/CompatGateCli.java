package dev.opateams.compat;

import japicmp.exception.JApiCmpException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * The command-line entry point: compares a baseline spec with a current one, and optionally the
 * jars generated from each, writes the reports and exits with 1 when the gate fails.
 *
 * <p>Run {@code java -jar opa-teams-compat-gate-VERSION-cli.jar --help} for the options.
 */
public final class CompatGateCli {

    /** The path of the spec inside an opa-teams-api-spec jar. */
    public static final String DEFAULT_SPEC_RESOURCE = "dev/opateams/api/opa-teams.yaml";

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    private static final String USAGE = """
            Usage: java -jar opa-teams-compat-gate-cli.jar --baseline FILE --current FILE [options]

            Compares two OpenAPI 3 specs, and optionally the Java API built from each, and exits
            with 1 when a breaking change is found while the major version was not raised.

              --baseline FILE          baseline spec (.yaml, .yml, .json), or a jar that contains it
              --current FILE           current spec, or a jar that contains it
              --spec-resource PATH     path of the spec inside a jar (default %s)
              --baseline-version V     version the baseline was released as, for example 1.4.0
              --baseline-artifact GAV  groupId:artifactId:version the baseline came from; its version
                                       takes precedence over --baseline-version
              --current-version V      version under review, for example 2.0.0-SNAPSHOT
              --baseline-jar FILES     jars built from the baseline; repeat the option or separate
                                       the files with %s
              --current-jar FILES      jars built from the current sources, given the same way; the Java
                                       API is compared when both --baseline-jar and --current-jar are given
              --report-dir DIR         where %s and %s go (default target/compat)
              --help                   print this text
            """.formatted(DEFAULT_SPEC_RESOURCE, File.pathSeparator, ReportWriter.MARKDOWN_FILE, ReportWriter.JSON_FILE);

    private CompatGateCli() {
    }

    /** Runs the gate and exits with 0 (passed), 1 (failed) or 2 (invalid arguments or input). */
    public static void main(String[] args) {
        // swagger-parser 2.1.46 logs a stack trace at ERROR for YAML it cannot read, and run() already
        // reports the parser's message in one line. -D options on the command line take precedence.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.swagger.v3.parser", "off");
        System.exit(run(args, System.out, System.err));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * Runs the gate and returns the exit code instead of exiting.
     *
     * @return 0 if the gate passed, 1 if it failed, 2 if the arguments or an input file are invalid
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Invalid arguments: " + e.getMessage());
            err.println("Run with --help for the options.");
            return USAGE_ERROR;
        }
        if (options.help) {
            out.print(USAGE);
            return PASSED;
        }
        try {
            GateResult result = evaluate(options);
            ReportWriter writer = new ReportWriter();
            writer.write(result, options.reportDir);
            out.print(writer.summary(result));
            out.println("  report: " + options.reportDir.resolve(ReportWriter.MARKDOWN_FILE)
                    + " and " + ReportWriter.JSON_FILE);
            return result.passed() ? PASSED : FAILED;
        } catch (IllegalArgumentException | UncheckedIOException | JApiCmpException e) {
            err.println("Compatibility gate failed to run: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
            return USAGE_ERROR;
        }
    }

    private static GateResult evaluate(Options options) {
        requireFiles("--baseline-jar", options.baselineJars);
        requireFiles("--current-jar", options.currentJars);
        String baselineSpec = readSpec("--baseline", options.baseline, options.specResource);
        String currentSpec = readSpec("--current", options.current, options.specResource);

        List<Change> changes = new ArrayList<>(new SpecComparator().compare(baselineSpec, currentSpec));
        boolean compareJars = !options.baselineJars.isEmpty();
        if (compareJars) {
            changes.addAll(new JavaApiComparator().compare(options.baselineJars, options.currentJars));
        }

        String baselineSource = options.baselineArtifact.isEmpty()
                ? options.baseline.toString() : options.baselineArtifact;
        return new GateResult(baselineSource, options.baselineVersion(), options.current.toString(),
                options.currentVersion, compareJars, changes);
    }

    private static void requireFiles(String option, List<Path> files) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(option + " " + file + " is not a file");
            }
        }
    }

    private static String readSpec(String option, Path file, String resource) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + " is not a file");
        }
        try {
            if (!file.getFileName().toString().endsWith(".jar")) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (JarFile jar = new JarFile(file.toFile())) {
                ZipEntry entry = jar.getEntry(resource);
                if (entry == null) {
                    throw new IllegalArgumentException(option + " " + file + " contains no " + resource
                            + "; set --spec-resource to the spec's path inside the jar");
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + option + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** The parsed command line. */
    private static final class Options {
        Path baseline;
        Path current;
        String specResource = DEFAULT_SPEC_RESOURCE;
        String baselineVersion = "";
        String baselineArtifact = "";
        String currentVersion;
        final List<Path> baselineJars = new ArrayList<>();
        final List<Path> currentJars = new ArrayList<>();
        Path reportDir = Path.of("target", "compat");
        boolean help;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                String value = null;
                int equals = name.indexOf('=');
                if (name.startsWith("--") && equals > 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                if (name.equals("--help")) {
                    options.help = true;
                    continue;
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--baseline" -> options.baseline = Path.of(value);
                    case "--current" -> options.current = Path.of(value);
                    case "--spec-resource" -> options.specResource = value;
                    case "--baseline-version" -> options.baselineVersion = value.trim();
                    case "--baseline-artifact" -> options.baselineArtifact = value.trim();
                    case "--current-version" -> options.currentVersion = value.trim();
                    case "--baseline-jar" -> options.baselineJars.addAll(paths(value));
                    case "--current-jar" -> options.currentJars.addAll(paths(value));
                    case "--report-dir" -> options.reportDir = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (options.help) {
                return options;
            }
            if (options.baseline == null) {
                throw new IllegalArgumentException("--baseline is missing");
            }
            if (options.current == null) {
                throw new IllegalArgumentException("--current is missing");
            }
            if (options.currentVersion == null || options.currentVersion.isEmpty()) {
                throw new IllegalArgumentException("--current-version is missing");
            }
            if (!options.baselineArtifact.isEmpty() && options.baselineArtifact.split(":").length < 3) {
                throw new IllegalArgumentException("--baseline-artifact must be groupId:artifactId:version, but was \""
                        + options.baselineArtifact + "\"");
            }
            if (options.baselineVersion().isEmpty()) {
                throw new IllegalArgumentException("--baseline-version is missing (or give --baseline-artifact)");
            }
            // Checked here, and not only by GateResult, so that the message names the option.
            String baselineVersionSource = options.baselineArtifact.isEmpty()
                    ? "--baseline-version" : "the version in --baseline-artifact";
            GateResult.major(baselineVersionSource, options.baselineVersion());
            GateResult.major("--current-version", options.currentVersion);
            if (options.baselineJars.isEmpty() != options.currentJars.isEmpty()) {
                throw new IllegalArgumentException("--baseline-jar and --current-jar must be given together");
            }
            return options;
        }

        private static List<Path> paths(String value) {
            List<Path> paths = new ArrayList<>();
            for (String part : value.split(Pattern.quote(File.pathSeparator))) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part.trim()));
                }
            }
            return paths;
        }

        String baselineVersion() {
            return baselineArtifact.isEmpty() ? baselineVersion : baselineArtifact.split(":")[2];
        }
    }
}
