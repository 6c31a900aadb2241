package dev.opateams.client;

/** An HTTP error response with a 5xx status: the server failed or is unavailable. 503 was retried for idempotent operations before this was thrown. */
public final class ServerErrorException extends OpaApiException {

  private static final long serialVersionUID = 1L;

  ServerErrorException(String message, ErrorDetails details) {
    super(message, details);
  }
}
