package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The traffic validator rejects what the spec does not allow, so the conformance suite can fail. */
class SpecTrafficValidatorTest {

  private static final SpecTrafficValidator VALIDATOR = SpecTrafficValidator.forTeamsApi();
  private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
  private static final Map<String, List<String>> AUTHORIZED = Map.of("Authorization", List.of("Bearer abc"));

  @Test
  void acceptsDocumentedSettings() {
    HttpExchange exchange = response("/v1/teams/Your_OPA_Team/settings", 200, Payloads.SETTINGS_DOCUMENTED);

    assertThat(VALIDATOR.validateResponse(exchange)).isEmpty();
  }

  @Test
  void rejectsWrongPropertyType() {
    HttpExchange exchange = response("/v1/teams/Your_OPA_Team/settings", 200,
        "{\"team\":\"Your_OPA_Team\",\"client_session_duration\":\"long\"}");

    assertThat(VALIDATOR.validateResponse(exchange)).containsExactly(
        "validation.response.body.schema.type: [Path '/client_session_duration'] Instance type (string) does not"
            + " match any allowed primitive type (allowed: [\"integer\",\"null\"])");
  }

  @Test
  void rejectsMissingRequiredProperty() {
    HttpExchange exchange = response("/v1/teams/Your_OPA_Team/team_stats", 200, "{\"num_clients\":1}");

    assertThat(VALIDATOR.validateResponse(exchange)).containsExactly(
        "validation.response.body.schema.required: Object has missing required properties"
            + " ([\"num_gateways\",\"num_groups\",\"num_human_users\",\"num_projects\",\"num_servers\",\"num_service_users\"])");
  }

  @Test
  void rejectsUnknownEnumValueInNullableEnumProperty() {
    HttpExchange exchange = response("/v1/teams/Your_OPA_Team/servers", 200,
        "{\"list\":[{\"id\":\"9d2c1f0e-7b4a-4e55-a1c3-6f8e2d4b5c60\",\"hostname\":\"h\",\"team_name\":\"t\","
            + "\"project_name\":\"p\",\"cloud_provider\":\"gcp\"}]}");

    assertThat(VALIDATOR.validateResponse(exchange)).containsExactly(
        "validation.response.body.schema.enum: [Path '/list/0/cloud_provider'] Instance value (\"gcp\") not found"
            + " in enum (possible values: [\"aws\",\"gce\",\"azure\",null])");
  }

  @Test
  void acceptsNullInNullableEnumProperty() {
    HttpExchange exchange = response("/v1/teams/Your_OPA_Team/servers", 200,
        "{\"list\":[{\"id\":\"9d2c1f0e-7b4a-4e55-a1c3-6f8e2d4b5c60\",\"hostname\":\"h\",\"team_name\":\"t\","
            + "\"project_name\":\"p\",\"cloud_provider\":null,\"state\":null,\"os_type\":null}]}");

    assertThat(VALIDATOR.validateResponse(exchange)).isEmpty();
  }

  @Test
  void rejectsUndocumentedStatus() {
    HttpExchange exchange = response("/v1/teams/Your_OPA_Team/roles", 418, "");

    assertThat(VALIDATOR.validateResponse(exchange)).containsExactly(
        "validation.response.status.unknown: Response status 418 not defined for path '/v1/teams/{team_name}/roles'.");
  }

  @Test
  void rejectsBodyOnNoContentResponse() {
    HttpExchange exchange = new HttpExchange("POST", "/v1/teams/Your_OPA_Team/checkin_resource", null, AUTHORIZED,
        "", 204, JSON, "{}");

    assertThat(VALIDATOR.validateResponse(exchange)).containsExactly(
        "validation.response.body.unexpected: No response body is expected but one was found.");
  }

  @Test
  void rejectsQueryParameterBelowMinimum() {
    HttpExchange exchange = new HttpExchange("GET", "/v1/teams/Your_OPA_Team/servers", "count=0", AUTHORIZED, "",
        200, JSON, Payloads.SERVERS_DOCUMENTED);

    assertThat(VALIDATOR.validateRequest(exchange)).containsExactly(
        "validation.request.parameter.schema.minimum: Numeric instance is lower than the required minimum"
            + " (minimum: 1, found: 0) (query parameter count)");
  }

  private static HttpExchange response(String path, int status, String body) {
    return new HttpExchange("GET", path, null, AUTHORIZED, "", status, body.isEmpty() ? Map.of() : JSON, body);
  }
}
