package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

/** The generated client and server stubs match the spec, checked without a server. */
class StaticConformanceTest {

  private static final OpenAPI SPEC = TeamsApiSpec.load();

  @Test
  void generatedCodeConformsToSpec() {
    ContractReport report = ContractChecker.forGeneratedCode().check(SPEC);

    assertThat(report.conforms()).as(report.format()).isTrue();
    assertThat(report.format()).isEqualTo("The generated client and server stubs conform to the spec.");
  }

  @Test
  void checkerCoversEveryOperation() {
    assertThat(SpecOperation.all(SPEC)).extracting(SpecOperation::id).containsExactlyInAnyOrder(
        "listCheckedOutResources", "checkinResource", "listRoles", "listServers", "getTeamSettings",
        "updateTeamSettings", "getTeamStats", "getVaultJwks", "createServiceToken");
  }

  @Test
  void checkerCoversEverySchemaOperationsUse() {
    ModelChecker models = new ModelChecker(SPEC, new SchemaTypes(SPEC), null, null);

    assertThat(models.usedSchemas(SpecOperation.all(SPEC)))
        .containsExactlyInAnyOrderElementsOf(SPEC.getComponents().getSchemas().keySet());
  }

  @Test
  void reportListsEveryMismatch() {
    ContractReport report = new ContractReport(java.util.List.of(
        new Mismatch("updateTeamSettings", "body", "missing in client updateTeamSettings"),
        new Mismatch("TeamStats", "num_clients", "spec type string, client TeamStats Integer")));

    assertThat(report.format()).isEqualTo("2 mismatches between the spec and the generated code:\n"
        + "  updateTeamSettings: body: missing in client updateTeamSettings\n"
        + "  TeamStats: num_clients: spec type string, client TeamStats Integer");
  }
}
