package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opateams.client.invoker.ApiClient;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in the spec matches its schema, checked by the independent
 * traffic validator, and every response example survives a round trip
 * through the client's models unchanged: nulls stay null and absent
 * properties stay absent.
 */
class SpecExamplesTest {

  private static final OpenAPI SPEC = TeamsApiSpec.load();
  private static final SpecTrafficValidator VALIDATOR = SpecTrafficValidator.forTeamsApi();
  private static final ObjectMapper CLIENT_MAPPER = new ApiClient().getObjectMapper();
  private static final String TEAM = "Your_OPA_Team";
  private static final Map<String, List<String>> JSON_TYPE = Map.of("Content-Type", List.of("application/json"));
  private static final Map<String, List<String>> AUTHORIZED = Map.of("Authorization", List.of("Bearer abc"));

  /** A response example, with what is needed to send it as a response of its operation. */
  record ResponseExample(SpecOperation operation, int status, Schema<?> schema, String json) {
    @Override
    public String toString() {
      return operation.id() + " " + status;
    }
  }

  static Stream<Arguments> responseExamples() {
    List<Arguments> examples = new ArrayList<>();
    for (SpecOperation operation : SpecOperation.all(SPEC)) {
      for (Map.Entry<String, ApiResponse> response : operation.responses().entrySet()) {
        MediaType json = response.getValue().getContent() == null ? null
            : response.getValue().getContent().get(SpecOperation.JSON);
        if (json != null && json.getExample() != null) {
          int status = response.getKey().equals("5XX") ? 503 : Integer.parseInt(response.getKey());
          examples.add(Arguments.of(new ResponseExample(operation, status, json.getSchema(), text(json.getExample()))));
        }
      }
    }
    return examples.stream();
  }

  static Stream<Arguments> requestBodyExamples() {
    return SpecOperation.all(SPEC).stream()
        .filter(operation -> operation.requestBody() != null)
        .map(operation -> Arguments.of(operation.id(),
            text(operation.requestBody().getContent().get(SpecOperation.JSON).getExample())));
  }

  @Test
  void everyOperationHasSuccessResponseExample() {
    List<String> missing = new ArrayList<>();
    for (SpecOperation operation : SpecOperation.all(SPEC)) {
      boolean hasExample = responseExamples()
          .map(arguments -> (ResponseExample) arguments.get()[0])
          .anyMatch(example -> example.operation().id().equals(operation.id()) && example.status() < 300);
      if (operation.successSchema() != null && !hasExample) {
        missing.add(operation.id());
      }
    }

    assertThat(missing).as("operations whose success response has a schema but no example").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responseExamples")
  void responseExampleMatchesSchema(ResponseExample example) {
    HttpExchange exchange = new HttpExchange(example.operation().method(), concretePath(example.operation()), null,
        AUTHORIZED, "", example.status(), JSON_TYPE, example.json());

    assertThat(VALIDATOR.validateResponse(exchange)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responseExamples")
  void responseExampleSurvivesClientModels(ResponseExample example) throws Exception {
    Class<?> model = Class.forName("dev.opateams.client.model." + SchemaTypes.referencedName(example.schema()));

    Object decoded = CLIENT_MAPPER.readValue(example.json(), model);
    String encoded = CLIENT_MAPPER.writeValueAsString(decoded);

    List<String> differences = new ArrayList<>();
    compare("", CLIENT_MAPPER.readTree(example.json()), CLIENT_MAPPER.readTree(encoded), differences);
    assertThat(differences).as("differences after decoding and encoding " + model.getSimpleName()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestBodyExamples")
  void requestBodyExampleMatchesSchema(String operationId, String json) {
    SpecOperation operation = operation(operationId);
    HttpExchange exchange = new HttpExchange(operation.method(), concretePath(operation), null,
        merge(AUTHORIZED, JSON_TYPE), json, 200, Map.of(), "");

    assertThat(VALIDATOR.validateRequest(exchange)).isEmpty();
  }

  @Test
  void parameterExamplesMatchSchemas() {
    List<String> errors = new ArrayList<>();
    for (SpecOperation operation : SpecOperation.all(SPEC)) {
      for (Parameter parameter : operation.parameters()) {
        if (parameter.getExample() == null) {
          continue;
        }
        String query = parameter.getName() + "=" + java.net.URLEncoder.encode(
            String.valueOf(parameter.getExample()), java.nio.charset.StandardCharsets.UTF_8);
        HttpExchange exchange = new HttpExchange(operation.method(), concretePath(operation), query,
            AUTHORIZED, "", 200, Map.of(), "");
        VALIDATOR.validateRequest(exchange).forEach(error -> errors.add(operation.id() + " "
            + parameter.getName() + ": " + error));
      }
    }

    assertThat(errors).isEmpty();
  }

  @Test
  void headerExamplesMatchSchemas() {
    SpecOperation listServers = operation("listServers");
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, Header> header : SPEC.getComponents().getHeaders().entrySet()) {
      if (header.getValue().getExample() == null) {
        continue;
      }
      HttpExchange exchange = new HttpExchange("GET", concretePath(listServers), null, AUTHORIZED, "", 200,
          merge(JSON_TYPE, Map.of(header.getKey(), List.of(String.valueOf(header.getValue().getExample())))),
          Payloads.SERVERS_DOCUMENTED);
      VALIDATOR.validateResponse(exchange).forEach(error -> errors.add(header.getKey() + ": " + error));
    }

    assertThat(errors).isEmpty();
  }

  /**
   * Collects the differences between two JSON trees. Two date-time strings
   * are equal when they denote the same time with the same offset, because
   * Jackson writes {@code 00:00:00Z} as {@code 00:00Z}.
   */
  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
    if (expected.isObject() && actual.isObject()) {
      for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!actual.has(name)) {
          differences.add(path + "/" + name + ": absent after the round trip, was " + expected.get(name));
        } else {
          compare(path + "/" + name, expected.get(name), actual.get(name), differences);
        }
      }
      for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!expected.has(name)) {
          differences.add(path + "/" + name + ": added by the round trip as " + actual.get(name));
        }
      }
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "/" + i, expected.get(i), actual.get(i), differences);
      }
    } else if (!expected.equals(actual) && !sameDateTime(expected, actual)) {
      differences.add(path + ": " + expected + " became " + actual);
    }
  }

  private static boolean sameDateTime(JsonNode expected, JsonNode actual) {
    if (!expected.isTextual() || !actual.isTextual()) {
      return false;
    }
    try {
      return OffsetDateTime.parse(expected.asText()).equals(OffsetDateTime.parse(actual.asText()));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static SpecOperation operation(String operationId) {
    return SpecOperation.all(SPEC).stream()
        .filter(operation -> operation.id().equals(operationId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no operation " + operationId));
  }

  private static String concretePath(SpecOperation operation) {
    return operation.path().replace("{team_name}", TEAM);
  }

  private static Map<String, List<String>> merge(Map<String, List<String>> first, Map<String, List<String>> second) {
    Map<String, List<String>> merged = new java.util.LinkedHashMap<>(first);
    merged.putAll(second);
    return merged;
  }

  private static String text(Object example) {
    try {
      return Json.mapper().writeValueAsString(example);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("example does not serialize to JSON: " + example, e);
    }
  }
}
