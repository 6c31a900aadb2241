package dev.opateams.mock;

import dev.opateams.server.model.ErrorCause;
import java.util.List;

/**
 * An error response in the spec's {@code ErrorResponse} shape. It carries no
 * stack trace: it stands for a client mistake or a simulated fault, not for
 * a failure of the server.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final transient List<ErrorCause> causes;

  ApiException(int status, String error, String message, List<ErrorCause> causes) {
    super(message, null, false, false);
    this.status = status;
    this.error = error;
    this.causes = List.copyOf(causes);
  }

  /** A 400 invalid_request for one field or parameter. */
  static ApiException invalid(String locationType, String location, String rule) {
    String message = location + ": " + rule;
    return new ApiException(400, "invalid_request", message, List.of(cause(message, locationType, location)));
  }

  /** A 401 authentication_error about the Authorization header. */
  static ApiException unauthenticated(String message) {
    return new ApiException(401, "authentication_error", message,
        List.of(cause(message, "header", "Authorization")));
  }

  /** A 404 resource_does_not_exist. */
  static ApiException notFound(String message, String locationType, String location) {
    return new ApiException(404, "resource_does_not_exist", message,
        List.of(cause(message, locationType, location)));
  }

  /**
   * A cause about the request body as a whole. It has no {@code location},
   * because that names a field and the spec makes it optional; the error
   * text starts with "body: " like the causes for single fields.
   */
  static ErrorCause bodyCause(String rule) {
    return new ErrorCause().error("body: " + rule).locationType("body");
  }

  static ErrorCause cause(String error, String locationType, String location) {
    return new ErrorCause().error(error).locationType(locationType).location(location);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  List<ErrorCause> causes() {
    return causes;
  }
}
