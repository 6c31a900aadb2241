package dev.opateams.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opateams.client.model.ErrorResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Turns an HTTP error response into the {@link OpaApiException} subclass for its status. */
final class ApiErrors {

  private ApiErrors() {
  }

  static OpaApiException create(
      Operation operation, String path, int status, byte[] body, Instant retryAt) {
    String rawBody = rawBody(body);
    ErrorResponse parsed = parse(body);
    String errorName = parsed == null ? null : parsed.getError();
    String errorMessage = parsed == null ? null : parsed.getMessage();
    ErrorDetails details = new ErrorDetails(status, operation.method(), path,
        operation.operationId(), errorName, errorMessage,
        parsed == null ? null : parsed.getErrorCause(),
        parsed == null ? null : parsed.getErrors(), rawBody);
    String message = message(details, body, parsed);

    switch (status) {
      case 400:
        return new BadRequestException(message, details);
      case 401:
        return new UnauthorizedException(message, details);
      case 403:
        return new ForbiddenException(message, details);
      case 404:
        return new NotFoundException(message, details);
      case 409:
        return new ConflictException(message, details);
      case 429:
        return new RateLimitedException(message, details, retryAt);
      default:
        if (status >= 500 && status <= 599) {
          return new ServerErrorException(message, details);
        }
        return new OpaApiException(message, details);
    }
  }

  /**
   * Builds the message, for example {@code getTeamStats (GET /v1/teams/T/team_stats) failed with
   * HTTP 404: resource_does_not_exist: No such Team.}
   */
  private static String message(ErrorDetails details, byte[] body, ErrorResponse parsed) {
    StringBuilder message = new StringBuilder()
        .append(details.operationId()).append(" (").append(details.method()).append(' ')
        .append(details.path()).append(") failed with HTTP ").append(details.status());
    if (body.length == 0) {
      return message.append(" and an empty body").toString();
    }
    if (parsed == null) {
      return message.append(" and a body that is not a JSON object").toString();
    }
    if (details.errorName() != null) {
      message.append(": ").append(details.errorName());
    }
    if (details.errorMessage() != null) {
      message.append(": ").append(details.errorMessage());
    }
    if (parsed.getErrors() != null && !parsed.getErrors().isEmpty()) {
      message.append(parsed.getErrors().stream()
          .map(error -> error.getPath() + ": " + error.getMessage())
          .collect(Collectors.joining("; ", " [", "]")));
    }
    return message.toString();
  }

  /**
   * Reads either documented error shape. Returns {@code null} for a body that is not a JSON
   * object.
   */
  private static ErrorResponse parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(body);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (tree == null || !tree.isObject()) {
      return null;
    }
    try {
      return Json.MAPPER.treeToValue(tree, ErrorResponse.class);
    } catch (IOException | RuntimeException e) {
      // A member of an unexpected type (for example "errors": "text") must not hide the rest.
      return new ErrorResponse()
          .error(textOrNull(tree.get("error")))
          .message(textOrNull(tree.get("message")))
          .errorCause(List.of())
          .errors(List.of());
    }
  }

  private static String textOrNull(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  private static String rawBody(byte[] body) {
    String text = Redaction.redactJson(new String(body, StandardCharsets.UTF_8));
    return text.length() <= OpaApiException.MAX_RAW_BODY_CHARS
        ? text
        : text.substring(0, OpaApiException.MAX_RAW_BODY_CHARS);
  }
}
