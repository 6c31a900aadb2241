package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The spec follows every lint rule, and each rule reports a spec that breaks it. */
class SpecLintTest {

  private static final String SPEC = TeamsApiSpec.yaml();

  static Stream<SpecLint.Rule> rules() {
    return SpecLint.RULES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void specFollowsRule(SpecLint.Rule rule) {
    assertThat(SpecLint.of(SPEC).findings(rule)).as(rule.reason()).isEmpty();
  }

  @Test
  void everyRuleHasReason() {
    assertThat(SpecLint.RULES).allSatisfy(rule -> assertThat(rule.reason()).isNotBlank());
  }

  static Stream<Arguments> brokenSpecs() {
    return Stream.of(
        broken("duplicate operationId",
            "operationId: getTeamStats", "operationId: getTeamSettings",
            "unique-operation-id: GET /v1/teams/{team_name}/team_stats: operationId getTeamSettings is also used"
                + " by GET /v1/teams/{team_name}/settings"),
        broken("missing summary",
            "      summary: List all roles\n", "",
            "operation-documented: listRoles: no summary"),
        broken("missing tag",
            "      tags: [Teams]\n      operationId: listRoles\n", "      operationId: listRoles\n",
            "operation-documented: listRoles: no tag"),
        broken("missing roles",
            "      x-opa-required-roles: [pam_admin]\n", "",
            "operation-roles: listRoles: no x-opa-required-roles"),
        broken("missing global security",
            "security:\n  - bearerAuth: []\npaths:", "paths:",
            "operation-security: listRoles: no security requirement, neither its own nor a global one"),
        broken("missing 5xx response",
            "          $ref: '#/components/responses/TooManyRequests'\n        5XX:\n"
                + "          $ref: '#/components/responses/ServerError'\n  /v1/teams/{team_name}/servers:",
            "          $ref: '#/components/responses/TooManyRequests'\n  /v1/teams/{team_name}/servers:",
            "operation-responses: listRoles: no 5xx error response"),
        broken("missing parameter description",
            "          description: Only return Servers associated with the specified bastion.\n", "",
            "parameter-description: listServers: parameter bastion has no description"),
        broken("missing property description",
            "          description: The name of the Project that the Server belongs to.\n", "",
            "property-description: Server.project_name: property has no description"),
        broken("unused component",
            "components:\n  securitySchemes:",
            "components:\n  examples:\n    Unused:\n      value: 1\n  securitySchemes:",
            "no-unused-component: components.examples.Unused: never referenced"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSpecs")
  void ruleReportsBrokenSpec(String name, String original, String replacement, String expectedFinding) {
    assertThat(SPEC).contains(original);
    String broken = SPEC.replaceFirst(java.util.regex.Pattern.quote(original),
        java.util.regex.Matcher.quoteReplacement(replacement));

    assertThat(SpecLint.of(broken).allFindings()).contains(expectedFinding);
  }

  private static Arguments broken(String name, String original, String replacement, String expectedFinding) {
    return Arguments.of(name, original, replacement, expectedFinding);
  }
}
