package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds the static checker changed copies of the spec against the unchanged
 * generated code. Each row changes one thing and lists lines that the report
 * must contain, so each row proves that one kind of drift is caught and
 * reported with the element that changed.
 */
class SpecMutationTest {

  private static final String SERVERS = "/v1/teams/{team_name}/servers";
  private static final String STATS = "/v1/teams/{team_name}/team_stats";
  private static final String ROLES = "/v1/teams/{team_name}/roles";
  private static final String CHECKIN = "/v1/teams/{team_name}/checkin_resource";
  private static final String CHECKED_OUT = "/v1/teams/{team_name}/checked_out_resources";

  static Stream<Arguments> mutations() {
    return Stream.of(
        mutation("operation removed",
            spec -> spec.getPaths().remove(ROLES),
            "listRoles: operation: client method TeamsApi.listRoles has no operation in the spec",
            "listRoles: operation: server-stubs method TeamsApi.listRoles has no operation in the spec"),
        mutation("query parameter renamed",
            spec -> parameter(spec, SERVERS, "hostname").setName("host_name"),
            "listServers: query.host_name: missing in client listServers",
            "listServers: query.hostname: in client listServers but not in the spec",
            "listServers: query.host_name: missing in client listServers(ListServersQueryParams)",
            "listServers: query.hostname: in client listServers(ListServersQueryParams) but not in the spec",
            "listServers: query.host_name: missing in server-stubs listServers",
            "listServers: query.hostname: in server-stubs listServers but not in the spec"),
        mutation("query parameter made required",
            spec -> parameter(spec, SERVERS, "bastion").setRequired(true),
            "listServers: query.bastion: spec required true, client listServers without @Nonnull",
            "listServers: query.bastion: spec required true, client listServersWithHttpInfo without @Nonnull",
            "listServers: query.bastion: spec required true, server-stubs listServers without @NotNull"),
        mutation("property maximum lowered",
            spec -> property(spec, "TeamSettingsUpdate", "client_session_duration").setMaximum(new BigDecimal(9000)),
            "TeamSettingsUpdate: client_session_duration: spec maximum 9000, server-stubs @Max 90000"),
        mutation("parameter minimum raised",
            spec -> spec.getComponents().getParameters().get("Count").getSchema().setMinimum(BigDecimal.TEN),
            "listServers: query.count: spec minimum 10, server-stubs @Min 1",
            "listCheckedOutResources: query.count: spec minimum 10, server-stubs @Min 1"),
        mutation("maxLength lowered",
            spec -> property(spec, "TeamSettingsUpdate", "post_login_url").setMaxLength(2048),
            "TeamSettingsUpdate: post_login_url: spec maxLength 2048, server-stubs @Size(max) 8096"),
        mutation("pattern added",
            spec -> property(spec, "CheckinRequest", "resource_id").setPattern("^[0-9a-f-]+$"),
            "CheckinRequest: resource_id: spec pattern ^[0-9a-f-]+$, server-stubs no @Pattern"),
        mutation("enum value removed",
            spec -> schema(spec, "ServerState").getEnum().remove("INACTIVE"),
            "ServerState: enum: value INACTIVE in client ServerState but not in the spec",
            "ServerState: enum: value INACTIVE in server-stubs ServerState but not in the spec"),
        mutation("enum value added",
            spec -> enumOf(spec, "CheckinType").add("escalated"),
            "CheckinType: enum: value escalated missing in client CheckinType",
            "CheckinType: enum: value escalated missing in server-stubs CheckinType"),
        mutation("property type changed",
            spec -> schema(spec, "TeamStats").getProperties().put("num_clients",
                new StringSchema().readOnly(true).description("The number of enrolled Clients.")),
            "TeamStats: num_clients: spec type string, client TeamStats Integer",
            "TeamStats: num_clients: spec type string, server-stubs TeamStats Integer"),
        mutation("property removed",
            spec -> schema(spec, "TeamSettings").getProperties().remove("post_logout_url"),
            "TeamSettings: post_logout_url: in client TeamSettings but not in the spec",
            "TeamSettings: post_logout_url: in server-stubs TeamSettings but not in the spec"),
        mutation("property made required",
            spec -> schema(spec, "JsonWebKey").setRequired(List.of("kid")),
            "JsonWebKey: kid: spec required true, client JsonWebKey @JsonProperty(required = false)",
            "JsonWebKey: kid: spec required true, server-stubs JsonWebKey without @NotNull"),
        mutation("path changed",
            spec -> spec.getPaths().put("/v1/teams/{team_name}/stats", spec.getPaths().remove(STATS)),
            "getTeamStats: path: spec /v1/teams/{team_name}/stats, client getTeamStats /v1/teams/{teamName}/team_stats",
            "getTeamStats: path: spec /v1/teams/{team_name}/stats, server-stubs getTeamStats /v1/teams/{team_name}/team_stats"),
        mutation("HTTP method changed",
            spec -> {
              PathItem item = spec.getPaths().get(CHECKIN);
              item.setPut(item.getPost());
              item.setPost(null);
            },
            "checkinResource: method: spec PUT, client checkinResource POST",
            "checkinResource: method: spec PUT, server-stubs checkinResource POST"),
        mutation("parameter moved to a header",
            spec -> parameter(spec, CHECKED_OUT, "include_pending_checkin").setIn("header"),
            "listCheckedOutResources: header.include_pending_checkin: missing in client listCheckedOutResources",
            "listCheckedOutResources: query.include_pending_checkin: in client listCheckedOutResources but not in the spec",
            "listCheckedOutResources: header.include_pending_checkin: missing in server-stubs listCheckedOutResources"),
        mutation("request body removed",
            spec -> operation(spec, CHECKIN).setRequestBody(null),
            "checkinResource: body: spec no request body, client checkinResource CheckinRequest",
            "checkinResource: body: spec no request body, server-stubs checkinResource CheckinRequest"),
        mutation("success response type changed",
            spec -> operation(spec, ROLES).getResponses().get("200").getContent().get("application/json")
                .setSchema(new Schema<>().$ref("#/components/schemas/ServerList")),
            "listRoles: response: spec ServerList, client listRoles returns RoleList",
            "listRoles: response: spec ServerList, server-stubs listRoles returns RoleList"),
        mutation("parameter type changed",
            spec -> parameter(spec, SERVERS, "managed").setSchema(new IntegerSchema()),
            "listServers: query.managed: spec type integer/int32, client listServers Boolean",
            "listServers: query.managed: spec type integer/int32, server-stubs listServers Boolean"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void mutationIsReported(String name, Consumer<OpenAPI> mutation, List<String> expectedLines) {
    OpenAPI spec = TeamsApiSpec.load();
    mutation.accept(spec);

    ContractReport report = ContractChecker.forGeneratedCode().check(spec);

    assertThat(report.lines()).containsAll(expectedLines);
  }

  private static Arguments mutation(String name, Consumer<OpenAPI> change, String... expectedLines) {
    return Arguments.of(name, change, List.of(expectedLines));
  }

  private static Operation operation(OpenAPI spec, String path) {
    return spec.getPaths().get(path).readOperations().get(0);
  }

  private static Parameter parameter(OpenAPI spec, String path, String name) {
    return operation(spec, path).getParameters().stream()
        .filter(parameter -> name.equals(parameter.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no parameter " + name + " in " + path));
  }

  private static Schema<?> schema(OpenAPI spec, String name) {
    return spec.getComponents().getSchemas().get(name);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> enumOf(OpenAPI spec, String name) {
    return (List<Object>) (List<?>) schema(spec, name).getEnum();
  }

  private static Schema<?> property(OpenAPI spec, String schemaName, String property) {
    return (Schema<?>) schema(spec, schemaName).getProperties().get(property);
  }
}
