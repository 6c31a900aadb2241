package dev.opateams.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rules that the hand-written spec follows, each with the reason for it.
 * A finding reads {@code rule: location: problem}.
 */
final class SpecLint {

  /** One rule: its name, why the project follows it, and the check. */
  record Rule(String name, String reason, Function<SpecLint, List<String>> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Rule> RULES = List.of(
      new Rule("unique-operation-id",
          "The generators name methods after operationIds, and the contract checker pairs client and server"
              + " methods by them; a duplicate would silently merge two operations.",
          SpecLint::uniqueOperationIds),
      new Rule("operation-documented",
          "Summary, description and tag become the Javadoc and the API class of both generated sides.",
          SpecLint::operationsDocumented),
      new Rule("operation-security",
          "Every operation states who may call it, by inheriting the global bearer requirement or by"
              + " an explicit list, empty for createServiceToken.",
          SpecLint::operationSecurity),
      new Rule("operation-roles",
          "x-opa-required-roles lists the roles of which the caller needs one; an empty list means that"
              + " the documentation names none, which differs from a forgotten list.",
          SpecLint::operationRoles),
      new Rule("operation-responses",
          "A client needs the success response and the error responses, with their bodies, to decode"
              + " what comes back.",
          SpecLint::operationResponses),
      new Rule("parameter-description",
          "Parameter descriptions become the Javadoc of the generated method parameters.",
          SpecLint::parameterDescriptions),
      new Rule("property-description",
          "Property descriptions become the Javadoc of the generated getters. A $ref property takes its"
              + " description from the component, because OpenAPI 3.0 ignores siblings of $ref.",
          SpecLint::propertyDescriptions),
      new Rule("no-unused-component",
          "An unused component generates code that nothing calls, and usually means a reference was"
              + " lost in an edit.",
          SpecLint::unusedComponents));

  private final OpenAPI spec;
  private final JsonNode tree;

  private SpecLint(String yaml) {
    // Parsed without TeamsApiSpec's validity check, which already rejects a duplicate operationId,
    // so that the lint can report it with its location.
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    this.spec = new OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
    try {
      this.tree = Yaml.mapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("the spec is not YAML", e);
    }
  }

  static SpecLint of(String yaml) {
    return new SpecLint(yaml);
  }

  List<String> findings(Rule rule) {
    List<String> findings = new ArrayList<>();
    rule.check().apply(this).forEach(finding -> findings.add(rule.name() + ": " + finding));
    return findings;
  }

  List<String> allFindings() {
    List<String> findings = new ArrayList<>();
    RULES.forEach(rule -> findings.addAll(findings(rule)));
    return findings;
  }

  private List<String> uniqueOperationIds() {
    List<String> findings = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (SpecOperation operation : SpecOperation.all(spec)) {
      String where = operation.method() + " " + operation.path();
      String previous = seen.putIfAbsent(operation.id(), where);
      if (previous != null) {
        findings.add(where + ": operationId " + operation.id() + " is also used by " + previous);
      }
    }
    return findings;
  }

  private List<String> operationsDocumented() {
    List<String> findings = new ArrayList<>();
    for (SpecOperation operation : SpecOperation.all(spec)) {
      if (isBlank(operation.operation().getSummary())) {
        findings.add(operation.id() + ": no summary");
      }
      if (isBlank(operation.operation().getDescription())) {
        findings.add(operation.id() + ": no description");
      }
      if (operation.operation().getTags() == null || operation.operation().getTags().isEmpty()) {
        findings.add(operation.id() + ": no tag");
      }
    }
    return findings;
  }

  private List<String> operationSecurity() {
    List<String> findings = new ArrayList<>();
    List<SecurityRequirement> global = spec.getSecurity();
    for (SpecOperation operation : SpecOperation.all(spec)) {
      if (operation.operation().getSecurity() == null && (global == null || global.isEmpty())) {
        findings.add(operation.id() + ": no security requirement, neither its own nor a global one");
      }
    }
    return findings;
  }

  private List<String> operationRoles() {
    List<String> findings = new ArrayList<>();
    for (SpecOperation operation : SpecOperation.all(spec)) {
      Map<String, Object> extensions = operation.operation().getExtensions();
      Object roles = extensions == null ? null : extensions.get("x-opa-required-roles");
      if (roles == null) {
        findings.add(operation.id() + ": no x-opa-required-roles");
      } else if (!(roles instanceof List<?>)) {
        findings.add(operation.id() + ": x-opa-required-roles is not a list");
      }
    }
    return findings;
  }

  private List<String> operationResponses() {
    List<String> findings = new ArrayList<>();
    for (SpecOperation operation : SpecOperation.all(spec)) {
      Set<String> statuses = operation.responses().keySet();
      if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
        findings.add(operation.id() + ": no success response");
      }
      if (statuses.stream().noneMatch(status -> status.startsWith("4"))) {
        findings.add(operation.id() + ": no 4xx error response");
      }
      if (statuses.stream().noneMatch(status -> status.startsWith("5"))) {
        findings.add(operation.id() + ": no 5xx error response");
      }
      operation.responses().forEach((status, response) -> {
        if (!status.startsWith("2") && SpecOperation.jsonSchema(response.getContent()) == null) {
          findings.add(operation.id() + ": error response " + status + " has no JSON body schema");
        }
      });
    }
    return findings;
  }

  private List<String> parameterDescriptions() {
    List<String> findings = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (SpecOperation operation : SpecOperation.all(spec)) {
      for (Parameter parameter : operation.parameters()) {
        if (isBlank(parameter.getDescription()) && reported.add(operation.id() + parameter.getName())) {
          findings.add(operation.id() + ": parameter " + parameter.getName() + " has no description");
        }
      }
    }
    return findings;
  }

  private List<String> propertyDescriptions() {
    List<String> findings = new ArrayList<>();
    spec.getComponents().getSchemas().forEach((name, schema) -> {
      if (isBlank(schema.getDescription())) {
        findings.add(name + ": schema has no description");
      }
      describeProperties(name, schema, findings);
    });
    return findings;
  }

  private void describeProperties(String location, Schema<?> schema, List<String> findings) {
    if (schema.getAllOf() != null) {
      schema.getAllOf().forEach(part -> describeProperties(location, part, findings));
    }
    if (schema.getItems() != null) {
      describeProperties(location + "[]", schema.getItems(), findings);
    }
    if (schema.getProperties() == null) {
      return;
    }
    schema.getProperties().forEach((name, property) -> {
      if (property.get$ref() == null && isBlank(property.getDescription())) {
        findings.add(location + "." + name + ": property has no description");
      }
      describeProperties(location + "." + name, property, findings);
    });
  }

  private List<String> unusedComponents() {
    Set<String> references = new HashSet<>();
    collectReferences(tree, references);
    Set<String> securitySchemesInUse = new HashSet<>();
    collectSecuritySchemes(tree.path("security"), securitySchemesInUse);
    tree.path("paths").forEach(pathItem -> pathItem.forEach(
        operation -> collectSecuritySchemes(operation.path("security"), securitySchemesInUse)));

    List<String> findings = new ArrayList<>();
    JsonNode components = tree.path("components");
    for (Iterator<String> kinds = components.fieldNames(); kinds.hasNext(); ) {
      String kind = kinds.next();
      for (Iterator<String> names = components.get(kind).fieldNames(); names.hasNext(); ) {
        String name = names.next();
        boolean used = kind.equals("securitySchemes")
            ? securitySchemesInUse.contains(name)
            : references.contains("#/components/" + kind + "/" + name);
        if (!used) {
          findings.add("components." + kind + "." + name + ": never referenced");
        }
      }
    }
    return findings;
  }

  private static void collectReferences(JsonNode node, Set<String> references) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        boolean isReference = field.getKey().equals("$ref") && field.getValue().isTextual();
        boolean isMapping = field.getKey().equals("mapping") && field.getValue().isObject();
        if (isReference) {
          references.add(field.getValue().asText());
        } else if (isMapping) {
          field.getValue().forEach(target -> references.add(target.asText()));
        } else {
          collectReferences(field.getValue(), references);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectReferences(element, references));
    }
  }

  private static void collectSecuritySchemes(JsonNode requirements, Set<String> names) {
    requirements.forEach(requirement -> requirement.fieldNames().forEachRemaining(names::add));
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
