package dev.opateams.mock;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opateams.server.model.ErrorCause;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks query parameters and request bodies against the spec before Jersey
 * binds them, so that every mistake is reported with the wire name of the
 * field and the rule it breaks. Besides the spec's rules the mock applies
 * two limits of its own: {@code count} is at most {@value #MAX_COUNT}, and a
 * query value is at most {@value #MAX_QUERY_VALUE_LENGTH} characters.
 */
final class RequestRules {

  /** The largest page size that the mock serves. The spec gives only the minimum, 1. */
  static final int MAX_COUNT = 1000;

  static final int MAX_QUERY_VALUE_LENGTH = 1024;

  private static final Pattern UUID_PATTERN =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final String DUPLICATE_FIELD = "Duplicate field '";

  private final ApiSpec spec;
  private final ObjectMapper strictReader = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  RequestRules(ApiSpec spec) {
    this.spec = spec;
  }

  /** Checks each query parameter against the operation's parameter list. */
  void checkQuery(ApiSpec.Operation operation, Map<String, List<String>> query) {
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      String name = entry.getKey();
      ApiSpec.QueryParameter parameter = operation.queryParameters().get(name);
      if (parameter == null) {
        throw ApiException.invalid("query", name, "unknown query parameter for " + operation.id());
      }
      if (entry.getValue().size() > 1) {
        throw ApiException.invalid("query", name, "must be given at most once");
      }
      checkQueryValue(parameter, entry.getValue().get(0));
    }
  }

  private static void checkQueryValue(ApiSpec.QueryParameter parameter, String value) {
    String name = parameter.name();
    if (value.length() > MAX_QUERY_VALUE_LENGTH) {
      throw ApiException.invalid("query", name, "must be at most " + MAX_QUERY_VALUE_LENGTH + " characters");
    }
    switch (parameter.type()) {
      case "boolean" -> {
        if (!value.equals("true") && !value.equals("false")) {
          throw ApiException.invalid("query", name, "must be true or false");
        }
      }
      case "integer" -> checkQueryInteger(parameter, value);
      default -> {
        if (!parameter.allowedValues().isEmpty() && !parameter.allowedValues().contains(value)) {
          throw ApiException.invalid("query", name,
              "must be one of " + String.join(", ", parameter.allowedValues()));
        }
      }
    }
  }

  private static void checkQueryInteger(ApiSpec.QueryParameter parameter, String value) {
    String name = parameter.name();
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("query", name, "must be an integer");
    }
    long minimum = parameter.minimum() == null ? Integer.MIN_VALUE : parameter.minimum();
    long maximum = name.equals("count") ? MAX_COUNT : Integer.MAX_VALUE;
    if (number < minimum || number > maximum) {
      throw ApiException.invalid("query", name, "must be between " + minimum + " and " + maximum);
    }
  }

  /**
   * Parses the body and checks it against the operation's request schema.
   *
   * @throws ApiException 400 for a missing body, malformed JSON or a value that breaks the schema
   */
  void checkBody(ApiSpec.Operation operation, byte[] body) {
    if (body.length == 0) {
      throw new ApiException(400, "invalid_request", "The request body is missing; send a JSON object.",
          List.of(ApiException.bodyCause("is missing")));
    }
    JsonNode json = parse(body);
    List<ErrorCause> causes = new ArrayList<>();
    checkValue(json, operation.requestBodySchema(), "", causes);
    if (!causes.isEmpty()) {
      List<String> messages = causes.stream().map(cause -> cause.getError()).toList();
      throw new ApiException(400, "invalid_request", String.join("; ", messages), causes);
    }
  }

  private JsonNode parse(byte[] body) {
    try {
      return strictReader.readTree(body);
    } catch (JsonProcessingException e) {
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (original.startsWith(DUPLICATE_FIELD)) {
        String field = original.substring(DUPLICATE_FIELD.length(), original.indexOf('\'', DUPLICATE_FIELD.length()));
        throw ApiException.invalid("body", field, "must appear at most once");
      }
      JsonLocation location = e.getLocation();
      String where = location == null ? ""
          : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      String message = "The request body is not valid JSON" + where + ".";
      throw new ApiException(400, "invalid_request", message,
          List.of(ApiException.bodyCause("is not valid JSON" + where)));
    } catch (IOException e) {
      throw new ApiException(400, "invalid_request", "The request body could not be read.",
          List.of(ApiException.bodyCause("could not be read")));
    }
  }

  private void checkValue(JsonNode value, JsonNode schemaNode, String path, List<ErrorCause> causes) {
    JsonNode schema = merged(schemaNode);
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        causes.add(error(path, "must not be null"));
      }
      return;
    }
    switch (schema.path("type").asText("object")) {
      case "object" -> checkObject(value, schema, path, causes);
      case "string" -> checkString(value, schema, path, causes);
      case "integer" -> checkInteger(value, schema, path, causes);
      case "boolean" -> {
        if (!value.isBoolean()) {
          causes.add(error(path, "must be true or false"));
        }
      }
      case "array" -> {
        if (!value.isArray()) {
          causes.add(error(path, "must be an array"));
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          checkValue(value.get(i), schema.path("items"), path + "[" + i + "]", causes);
        }
      }
      default -> throw new IllegalStateException("Unsupported schema type at " + path);
    }
  }

  private void checkObject(JsonNode value, JsonNode schema, String path, List<ErrorCause> causes) {
    if (!value.isObject()) {
      causes.add(error(path, "must be a JSON object"));
      return;
    }
    JsonNode properties = schema.path("properties");
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        causes.add(error(child(path, required.asText()), "is required"));
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode propertySchema = properties.get(field.getKey());
      if (propertySchema == null) {
        causes.add(error(child(path, field.getKey()), "is not a known property"));
      } else if (merged(propertySchema).path("readOnly").asBoolean(false)) {
        causes.add(error(child(path, field.getKey()), "is read-only"));
      } else {
        checkValue(field.getValue(), propertySchema, child(path, field.getKey()), causes);
      }
    }
  }

  private static void checkString(JsonNode value, JsonNode schema, String path, List<ErrorCause> causes) {
    if (!value.isTextual()) {
      causes.add(error(path, "must be a string"));
      return;
    }
    String text = value.asText();
    List<String> allowed = new ArrayList<>();
    schema.path("enum").forEach(item -> allowed.add(item.asText()));
    int length = text.codePointCount(0, text.length());
    if (!allowed.isEmpty() && !allowed.contains(text)) {
      causes.add(error(path, "must be one of " + String.join(", ", allowed)));
    } else if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      causes.add(error(path, "must be at least " + characters(schema.get("minLength").asInt()) + " long"));
    } else if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      causes.add(error(path, "must be at most " + characters(schema.get("maxLength").asInt()) + " long"));
    } else if ("uuid".equals(schema.path("format").asText()) && !isUuid(text)) {
      causes.add(error(path, "must be a UUID"));
    }
  }

  private static String characters(int count) {
    return count == 1 ? "1 character" : count + " characters";
  }

  private static boolean isUuid(String text) {
    if (!UUID_PATTERN.matcher(text).matches()) {
      return false;
    }
    UUID.fromString(text);
    return true;
  }

  private static void checkInteger(JsonNode value, JsonNode schema, String path, List<ErrorCause> causes) {
    if (!value.isIntegralNumber()) {
      causes.add(error(path, "must be an integer"));
      return;
    }
    boolean int32 = "int32".equals(schema.path("format").asText());
    long minimum = schema.has("minimum") ? schema.get("minimum").asLong()
        : int32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long maximum = schema.has("maximum") ? schema.get("maximum").asLong()
        : int32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
    if (!value.canConvertToLong() || value.asLong() < minimum || value.asLong() > maximum) {
      causes.add(error(path, "must be between " + minimum + " and " + maximum));
    }
  }

  /** Resolves references and folds {@code allOf} parts and their {@code nullable} flag into one schema. */
  private JsonNode merged(JsonNode schemaNode) {
    JsonNode schema = spec.resolve(schemaNode);
    if (!schema.has("allOf")) {
      return schema;
    }
    ObjectNode result = strictReader.createObjectNode();
    for (JsonNode part : schema.get("allOf")) {
      result.setAll((ObjectNode) merged(part));
    }
    schema.fields().forEachRemaining(field -> {
      if (!field.getKey().equals("allOf")) {
        result.set(field.getKey(), field.getValue());
      }
    });
    return result;
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static ErrorCause error(String path, String rule) {
    if (path.isEmpty()) {
      return ApiException.bodyCause(rule);
    }
    return ApiException.cause(path + ": " + rule, "body", path);
  }
}
