package dev.opateams.compat;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes between a baseline and a current API, and the verdict on them.
 *
 * <p>Breaking changes fail the gate unless the current version's major number is greater than
 * the baseline's, as semantic versioning allows. Warnings never fail it.
 *
 * @param baseline where the baseline spec came from, for the report
 * @param baselineVersion the project version that the baseline was released as, for example {@code 0.1.0}
 * @param current where the current spec came from, for the report
 * @param currentVersion the project version under review, for example {@code 0.2.0-SNAPSHOT}
 * @param javaApiCompared whether jars were compared, so that "no Java change" is not claimed for a run without jars
 * @param changes every change found, spec level first
 */
public record GateResult(String baseline, String baselineVersion, String current, String currentVersion,
        boolean javaApiCompared, List<Change> changes) {

    private static final Pattern MAJOR = Pattern.compile("^(\\d+)(?:[.-].*)?$");

    /**
     * @throws IllegalArgumentException if a version does not start with a major number
     */
    public GateResult {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(baselineVersion, "baselineVersion");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(currentVersion, "currentVersion");
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
        major("baselineVersion", baselineVersion);
        major("currentVersion", currentVersion);
    }

    /** Returns whether the current major version is greater than the baseline's, which allows breaking changes. */
    public boolean majorVersionRaised() {
        return major("currentVersion", currentVersion) > major("baselineVersion", baselineVersion);
    }

    /** Returns whether the gate passes: no breaking change, or a raised major version. */
    public boolean passed() {
        return count(Severity.BREAKING) == 0 || majorVersionRaised();
    }

    /** Returns the number of changes with the given severity, at both layers. */
    public long count(Severity severity) {
        return changes.stream().filter(change -> change.severity() == severity).count();
    }

    static int major(String name, String version) {
        Matcher matcher = MAJOR.matcher(version);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    name + " must start with a major version number such as 1.2.3, but was \"" + version + "\"");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
