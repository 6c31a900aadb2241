package dev.opateams.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.opateams.server.model.ErrorCause;
import dev.opateams.server.model.ErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers a request body that does not decode (malformed JSON, a wrong type,
 * an unknown enum value) with 400 and the spec's error body, naming the JSON
 * field by its wire name and never a Java class.
 */
final class InvalidJsonMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException exception) {
    String field = exception instanceof JsonMappingException mapping
        ? mapping.getPath().stream()
            .map(reference -> reference.getFieldName() != null
                ? reference.getFieldName()
                : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining("."))
        : "";
    String message = field.isEmpty()
        ? "The request body is not valid JSON."
        : field + ": invalid value";
    ErrorResponse body = new ErrorResponse()
        .code(400)
        .error("invalid_request")
        .message(message)
        .errorCause(List.of(new ErrorCause().error(message).locationType("body").location(field)));
    return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
