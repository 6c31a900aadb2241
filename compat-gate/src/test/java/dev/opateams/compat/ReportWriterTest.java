package dev.opateams.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    private static final List<Change> CHANGES = List.of(
            new Change(Change.Layer.SPEC, Severity.BREAKING, "request-constraint-narrowed",
                    "createServer request body application/json #/properties/hostname",
                    "pattern ^[a-z]+|[0-9]+$ added: values that clients could send before may now be rejected"),
            new Change(Change.Layer.JAVA, Severity.WARNING, "java-method-added-to-interface",
                    "demo.ServersApi.listServers(java.lang.String,java.lang.Integer)", "method added to an interface"),
            new Change(Change.Layer.SPEC, Severity.COMPATIBLE, "operation-added", "listUsers",
                    "new operation GET /users"));

    private final ReportWriter writer = new ReportWriter();

    @Test
    void markdownListsChangesBySeverity() {
        GateResult result = new GateResult("base.yaml", "1.0.0", "spec.yaml", "1.1.0-SNAPSHOT", true, CHANGES);

        String markdown = writer.markdown(result);

        assertThat(markdown).isEqualTo("""
                ## API compatibility: FAILED

                - Baseline: `base.yaml`, version 1.0.0
                - Current: `spec.yaml`, version 1.1.0-SNAPSHOT
                - Verdict: 1 breaking change(s) while the major version stays 1: revert them, or raise the major version above 1.

                | | spec | Java API |
                |---|---:|---:|
                | breaking | 1 | 0 |
                | warning | 0 | 1 |
                | compatible | 1 | 0 |

                ### Breaking changes

                | layer | location | rule | reason |
                |---|---|---|---|
                | spec | `createServer request body application/json #/properties/hostname` | request-constraint-narrowed \
                | pattern ^[a-z]+\\|[0-9]+$ added: values that clients could send before may now be rejected |

                ### Warnings

                | layer | location | rule | reason |
                |---|---|---|---|
                | java | `demo.ServersApi.listServers(java.lang.String,java.lang.Integer)` \
                | java-method-added-to-interface | method added to an interface |

                ### Compatible changes

                | layer | location | rule | reason |
                |---|---|---|---|
                | spec | `listUsers` | operation-added | new operation GET /users |
                """);
    }

    @Test
    void summaryMarksJarsNotCompared() {
        GateResult result = new GateResult("base.yaml", "1.0.0", "spec.yaml", "2.0.0", false, CHANGES.subList(0, 1));

        String summary = writer.summary(result);

        assertThat(summary).isEqualTo("""
                API compatibility gate: passed
                  baseline base.yaml (1.0.0), current spec.yaml (2.0.0)
                  spec: 1 breaking, 0 warning(s), 0 compatible
                  Java API: not compared, no jars given
                  BREAKING [spec] createServer request body application/json #/properties/hostname: \
                pattern ^[a-z]+|[0-9]+$ added: values that clients could send before may now be rejected
                  1 breaking change(s), allowed because the major version was raised from 1 to 2.
                """);
    }
}
