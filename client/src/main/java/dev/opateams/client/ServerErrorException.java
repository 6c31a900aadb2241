package dev.opateams.client;

/**
 * An HTTP error response with a 5xx status: the server failed or is unavailable. For idempotent
 * operations a 503 has been retried before this is thrown.
 */
public final class ServerErrorException extends OpaApiException {

  private static final long serialVersionUID = 1L;

  ServerErrorException(String message, ErrorDetails details) {
    super(message, details);
  }
}
