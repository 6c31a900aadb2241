package dev.opateams.client;

import dev.opateams.client.model.ErrorCause;
import dev.opateams.client.model.FieldError;
import java.util.List;

/**
 * An HTTP response with a status outside 2xx. It carries the request (method, path, operation ID),
 * the status, the OPA error name and message where the body has them, and the raw body cut at
 * {@value #MAX_RAW_BODY_CHARS} characters.
 *
 * <p>OPA sends errors in two shapes, {@code {"code", "error", "error_cause": [...]}} and
 * {@code {"message", "errors": [{"path", "message"}]}}; both are read. A body that is empty or not
 * JSON leaves the parsed fields empty. Statuses without a subclass of their own (for example 405
 * or 415) are thrown as this class.
 */
public class OpaApiException extends OpaTeamsException {

  private static final long serialVersionUID = 1L;

  /** The number of characters of the response body that {@link #rawBody()} keeps. */
  public static final int MAX_RAW_BODY_CHARS = 4096;

  private final int status;
  private final String method;
  private final String path;
  private final String operationId;
  private final String errorName;
  private final String errorMessage;
  private final transient List<ErrorCause> errorCauses;
  private final transient List<FieldError> fieldErrors;
  private final String rawBody;

  OpaApiException(String message, ErrorDetails details) {
    super(message);
    this.status = details.status();
    this.method = details.method();
    this.path = details.path();
    this.operationId = details.operationId();
    this.errorName = details.errorName();
    this.errorMessage = details.errorMessage();
    this.errorCauses = details.errorCauses();
    this.fieldErrors = details.fieldErrors();
    this.rawBody = details.rawBody();
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The HTTP method of the request, for example {@code GET}. */
  public String method() {
    return method;
  }

  /** The path of the request, without the query. */
  public String path() {
    return path;
  }

  /** The operation ID in the spec, for example {@code listServers}. */
  public String operationId() {
    return operationId;
  }

  /** The OPA error name, for example {@code resource_does_not_exist}, or {@code null}. */
  public String errorName() {
    return errorName;
  }

  /** The human-readable message of the body, or {@code null}. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The {@code error_cause} entries of the body; empty when there are none. */
  public List<ErrorCause> errorCauses() {
    return errorCauses == null ? List.of() : errorCauses;
  }

  /** The {@code errors} entries (field errors) of the body; empty when there are none. */
  public List<FieldError> fieldErrors() {
    return fieldErrors == null ? List.of() : fieldErrors;
  }

  /**
   * The response body as text, cut at {@value #MAX_RAW_BODY_CHARS} characters, with
   * {@code key_secret} and {@code bearer_token} values redacted; empty when there was no body.
   */
  public String rawBody() {
    return rawBody;
  }
}
