package dev.opateams.compat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link GateResult} as Markdown for a pull-request comment, as JSON for tools, and
 * as a short plain-text summary for the build log.
 */
public final class ReportWriter {

    /** The Markdown report's file name inside the report directory. */
    public static final String MARKDOWN_FILE = "compat-report.md";
    /** The JSON report's file name inside the report directory. */
    public static final String JSON_FILE = "compat-report.json";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Writes {@value #MARKDOWN_FILE} and {@value #JSON_FILE} into {@code directory}, creating it if needed.
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public void write(GateResult result, Path directory) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(MARKDOWN_FILE), markdown(result), StandardCharsets.UTF_8);
            json.writeValue(directory.resolve(JSON_FILE).toFile(), jsonTree(result));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write the compatibility report to " + directory, e);
        }
    }

    /** Returns the Markdown report. */
    public String markdown(GateResult result) {
        StringBuilder out = new StringBuilder();
        out.append("## API compatibility: ").append(result.passed() ? "passed" : "FAILED").append("\n\n");
        out.append("- Baseline: `").append(result.baseline()).append("`, version ")
                .append(result.baselineVersion()).append('\n');
        out.append("- Current: `").append(result.current()).append("`, version ")
                .append(result.currentVersion()).append('\n');
        out.append("- Verdict: ").append(verdict(result)).append("\n\n");

        out.append("| | spec | Java API |\n|---|---:|---:|\n");
        for (Severity severity : Severity.values()) {
            out.append("| ").append(severity.name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(count(result, Change.Layer.SPEC, severity)).append(" | ")
                    .append(result.javaApiCompared() ? String.valueOf(count(result, Change.Layer.JAVA, severity))
                            : "not compared").append(" |\n");
        }
        for (Severity severity : Severity.values()) {
            List<Change> selected = result.changes().stream().filter(c -> c.severity() == severity).toList();
            if (selected.isEmpty()) {
                continue;
            }
            out.append("\n### ").append(heading(severity)).append("\n\n");
            out.append("| layer | location | rule | reason |\n|---|---|---|---|\n");
            for (Change change : selected) {
                out.append("| ").append(change.layer().name().toLowerCase(Locale.ROOT))
                        .append(" | `").append(cell(change.location())).append("` | ")
                        .append(cell(change.rule())).append(" | ")
                        .append(cell(change.reason())).append(" |\n");
            }
        }
        return out.toString();
    }

    /** Returns a few lines for the build log: the verdict, the counts, and every breaking change and warning. */
    public String summary(GateResult result) {
        StringBuilder out = new StringBuilder();
        out.append("API compatibility gate: ").append(result.passed() ? "passed" : "FAILED").append('\n');
        out.append("  baseline ").append(result.baseline()).append(" (").append(result.baselineVersion())
                .append("), current ").append(result.current()).append(" (").append(result.currentVersion())
                .append(")\n");
        for (Change.Layer layer : Change.Layer.values()) {
            if (layer == Change.Layer.JAVA && !result.javaApiCompared()) {
                out.append("  Java API: not compared, no jars given\n");
                continue;
            }
            out.append("  ").append(layer == Change.Layer.SPEC ? "spec" : "Java API").append(": ")
                    .append(count(result, layer, Severity.BREAKING)).append(" breaking, ")
                    .append(count(result, layer, Severity.WARNING)).append(" warning(s), ")
                    .append(count(result, layer, Severity.COMPATIBLE)).append(" compatible\n");
        }
        for (Change change : result.changes()) {
            if (change.severity() != Severity.COMPATIBLE) {
                out.append("  ").append(change.severity()).append(" [")
                        .append(change.layer().name().toLowerCase(Locale.ROOT)).append("] ")
                        .append(change.location()).append(": ").append(change.reason()).append('\n');
            }
        }
        out.append("  ").append(verdict(result)).append('\n');
        return out.toString();
    }

    private static String verdict(GateResult result) {
        long breaking = result.count(Severity.BREAKING);
        if (breaking == 0) {
            return "no breaking change.";
        }
        int baselineMajor = GateResult.major("baselineVersion", result.baselineVersion());
        int currentMajor = GateResult.major("currentVersion", result.currentVersion());
        if (result.majorVersionRaised()) {
            return breaking + " breaking change(s), allowed because the major version was raised from "
                    + baselineMajor + " to " + currentMajor + ".";
        }
        return breaking + " breaking change(s) while the major version stays " + currentMajor
                + ": revert them, or raise the major version above " + baselineMajor + ".";
    }

    private Map<String, Object> jsonTree(GateResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("passed", result.passed());
        root.put("baseline", source(result.baseline(), result.baselineVersion()));
        root.put("current", source(result.current(), result.currentVersion()));
        root.put("majorVersionRaised", result.majorVersionRaised());
        root.put("javaApiCompared", result.javaApiCompared());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            counts.put(severity.name().toLowerCase(Locale.ROOT), result.count(severity));
        }
        root.put("counts", counts);
        List<Map<String, String>> changes = new ArrayList<>();
        for (Change change : result.changes()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("layer", change.layer().name().toLowerCase(Locale.ROOT));
            entry.put("severity", change.severity().name().toLowerCase(Locale.ROOT));
            entry.put("rule", change.rule());
            entry.put("location", change.location());
            entry.put("reason", change.reason());
            changes.add(entry);
        }
        root.put("changes", changes);
        return root;
    }

    private static Map<String, String> source(String source, String version) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("source", source);
        entry.put("version", version);
        return entry;
    }

    private static long count(GateResult result, Change.Layer layer, Severity severity) {
        return result.changes().stream().filter(c -> c.layer() == layer && c.severity() == severity).count();
    }

    private static String heading(Severity severity) {
        return switch (severity) {
            case BREAKING -> "Breaking changes";
            case WARNING -> "Warnings";
            case COMPATIBLE -> "Compatible changes";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
