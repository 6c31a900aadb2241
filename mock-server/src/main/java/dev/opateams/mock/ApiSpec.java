package dev.opateams.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the OpenAPI document that the mock server enforces: for each
 * operation its roles ({@code x-opa-required-roles}), whether it needs a
 * bearer token, its query parameters and the schema of its request body.
 * Read once from the classpath resource that the api-spec module ships, so
 * that the rules follow the spec instead of a copy in code.
 */
final class ApiSpec {

  static final String RESOURCE = "/dev/opateams/api/opa-teams.yaml";

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  private final byte[] yaml;
  private final JsonNode root;
  private final Map<String, Operation> operations;

  private ApiSpec(byte[] yaml, JsonNode root, Map<String, Operation> operations) {
    this.yaml = yaml;
    this.root = root;
    this.operations = operations;
  }

  /** Reads the spec from the classpath; fails when it is missing or lacks a role list. */
  static ApiSpec load() {
    byte[] yaml;
    try (InputStream in = ApiSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The OpenAPI document " + RESOURCE
            + " is not on the classpath; add the opa-teams-api-spec artifact.");
      }
      yaml = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + RESOURCE, e);
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to parse " + RESOURCE, e);
    }
    return new ApiSpec(yaml, root, readOperations(root));
  }

  byte[] yaml() {
    return yaml.clone();
  }

  JsonNode root() {
    return root;
  }

  /** Returns the operation with the given operationId; fails for an unknown one. */
  Operation operation(String operationId) {
    Operation operation = operations.get(operationId);
    if (operation == null) {
      throw new IllegalStateException("The OpenAPI document has no operation " + operationId);
    }
    return operation;
  }

  Map<String, Operation> operations() {
    return operations;
  }

  /** Follows a local {@code $ref} such as {@code #/components/schemas/Server}; other nodes pass through. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("Only local references are supported: " + ref);
      }
      current = root.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new IllegalStateException("Unresolved reference in the OpenAPI document: " + ref);
      }
    }
    return current;
  }

  private static Map<String, Operation> readOperations(JsonNode root) {
    boolean securedByDefault = root.path("security").size() > 0;
    Map<String, Operation> operations = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode node = path.getValue().get(method);
        if (node == null) {
          continue;
        }
        String id = node.path("operationId").asText();
        JsonNode rolesNode = node.get("x-opa-required-roles");
        if (rolesNode == null || !rolesNode.isArray()) {
          throw new IllegalStateException("Operation " + id + " has no x-opa-required-roles list");
        }
        Set<String> roles = new LinkedHashSet<>();
        rolesNode.forEach(role -> roles.add(role.asText()));
        boolean secured = node.has("security") ? node.get("security").size() > 0 : securedByDefault;
        operations.put(id, new Operation(id, method.toUpperCase(java.util.Locale.ROOT), path.getKey(),
            secured, Collections.unmodifiableSet(roles), readQueryParameters(root, node),
            node.at("/requestBody/content/application~1json/schema")));
      }
    }
    return Collections.unmodifiableMap(operations);
  }

  private static Map<String, QueryParameter> readQueryParameters(JsonNode root, JsonNode operation) {
    Map<String, QueryParameter> parameters = new LinkedHashMap<>();
    for (JsonNode reference : operation.path("parameters")) {
      JsonNode parameter = reference.has("$ref")
          ? root.at(reference.get("$ref").asText().substring(1))
          : reference;
      if (!"query".equals(parameter.path("in").asText())) {
        continue;
      }
      JsonNode schema = parameter.path("schema");
      List<String> allowed = new ArrayList<>();
      schema.path("enum").forEach(value -> allowed.add(value.asText()));
      Long minimum = schema.has("minimum") ? schema.get("minimum").asLong() : null;
      String name = parameter.path("name").asText();
      parameters.put(name, new QueryParameter(name, schema.path("type").asText("string"),
          List.copyOf(allowed), minimum));
    }
    return Collections.unmodifiableMap(parameters);
  }

  /** One operation of the spec. {@code requestBodySchema} is a missing node when there is no body. */
  record Operation(String id, String method, String pathTemplate, boolean secured, Set<String> roles,
      Map<String, QueryParameter> queryParameters, JsonNode requestBodySchema) {
  }

  /** A query parameter: its schema type (string, integer or boolean), allowed values and minimum. */
  record QueryParameter(String name, String type, List<String> allowedValues, Long minimum) {
  }
}
