package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The generated client and server stubs match the spec, checked without a server. */
class StaticConformanceTest {

  @Test
  void generatedCodeConformsToSpec() {
    ContractReport report = ContractChecker.forGeneratedCode().check(TeamsApiSpec.load());

    assertThat(report.conforms()).as(report.format()).isTrue();
  }
}
