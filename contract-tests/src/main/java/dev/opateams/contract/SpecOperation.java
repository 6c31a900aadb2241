package dev.opateams.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation of the spec with its references resolved: parameters
 * (path-level ones included), the request body and the responses.
 *
 * @param id the operationId
 * @param method the HTTP method in upper case
 * @param path the path template
 * @param operation the parsed operation
 * @param parameters the parameters, path-level ones first
 * @param requestBody the request body, or null
 * @param responses the responses by status code, such as {@code 200} or {@code 5XX}
 */
record SpecOperation(String id, String method, String path, Operation operation,
    List<Parameter> parameters, RequestBody requestBody, Map<String, ApiResponse> responses) {

  static final String JSON = "application/json";

  /** Returns every operation of the spec in document order. */
  static List<SpecOperation> all(OpenAPI spec) {
    List<SpecOperation> operations = new ArrayList<>();
    if (spec.getPaths() == null) {
      return operations;
    }
    for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
      PathItem item = path.getValue();
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
        Operation operation = entry.getValue();
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
          item.getParameters().forEach(parameter -> parameters.add(resolve(spec, parameter)));
        }
        if (operation.getParameters() != null) {
          operation.getParameters().forEach(parameter -> parameters.add(resolve(spec, parameter)));
        }
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        if (operation.getResponses() != null) {
          operation.getResponses().forEach((status, response) -> responses.put(status, resolve(spec, response)));
        }
        operations.add(new SpecOperation(String.valueOf(operation.getOperationId()), entry.getKey().name(),
            path.getKey(), operation, parameters, resolve(spec, operation.getRequestBody()), responses));
      }
    }
    return operations;
  }

  /** Returns the JSON schema of the request body, or null when there is none. */
  Schema<?> requestSchema() {
    return requestBody == null ? null : jsonSchema(requestBody.getContent());
  }

  boolean requestBodyRequired() {
    return requestBody != null && Boolean.TRUE.equals(requestBody.getRequired());
  }

  /** Returns the JSON schema of the first 2xx response that has one, or null when no success response has a body. */
  Schema<?> successSchema() {
    for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
      if (response.getKey().startsWith("2") && response.getValue().getContent() != null) {
        Schema<?> schema = jsonSchema(response.getValue().getContent());
        if (schema != null) {
          return schema;
        }
      }
    }
    return null;
  }

  static Schema<?> jsonSchema(io.swagger.v3.oas.models.media.Content content) {
    if (content == null) {
      return null;
    }
    MediaType json = content.get(JSON);
    return json == null ? null : json.getSchema();
  }

  private static Parameter resolve(OpenAPI spec, Parameter parameter) {
    if (parameter.get$ref() == null) {
      return parameter;
    }
    return spec.getComponents().getParameters().get(lastSegment(parameter.get$ref()));
  }

  private static RequestBody resolve(OpenAPI spec, RequestBody body) {
    if (body == null || body.get$ref() == null) {
      return body;
    }
    return spec.getComponents().getRequestBodies().get(lastSegment(body.get$ref()));
  }

  private static ApiResponse resolve(OpenAPI spec, ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    return spec.getComponents().getResponses().get(lastSegment(response.get$ref()));
  }

  private static String lastSegment(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
