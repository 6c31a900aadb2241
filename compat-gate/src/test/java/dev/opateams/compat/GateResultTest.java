package dev.opateams.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GateResultTest {

    private static final Change BREAKING = new Change(Change.Layer.SPEC, Severity.BREAKING, "operation-removed",
            "listRoles", "GET /roles removed");
    private static final Change WARNING = new Change(Change.Layer.SPEC, Severity.WARNING,
            "response-enum-value-added", "getServer response 200", "new enum value DELETED");

    @Test
    void breakingChangeFailsWithinMajor() {
        GateResult result = new GateResult("base.yaml", "1.4.0", "spec.yaml", "1.5.0-SNAPSHOT", false, List.of(BREAKING));

        assertThat(result.majorVersionRaised()).isFalse();
        assertThat(result.passed()).isFalse();
    }

    @Test
    void breakingChangePassesWithNewMajor() {
        GateResult result = new GateResult("base.yaml", "1.4.0", "spec.yaml", "2.0.0-SNAPSHOT", false, List.of(BREAKING));

        assertThat(result.majorVersionRaised()).isTrue();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void zeroMajorIsNotExempt() {
        GateResult result = new GateResult("base.yaml", "0.1.0", "spec.yaml", "0.2.0-SNAPSHOT", false, List.of(BREAKING));

        assertThat(result.passed()).isFalse();
    }

    @Test
    void warningsNeverFail() {
        GateResult result = new GateResult("base.yaml", "1.4.0", "spec.yaml", "1.4.1", false, List.of(WARNING));

        assertThat(result.passed()).isTrue();
        assertThat(result.count(Severity.WARNING)).isEqualTo(1);
    }

    @Test
    void versionWithoutMajorIsRejected() {
        assertThatThrownBy(() -> new GateResult("base.yaml", "latest", "spec.yaml", "1.0.0", false, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baselineVersion must start with a major version number such as 1.2.3, but was \"latest\"");
    }
}
