package dev.opateams.client;

/**
 * An HTTP error response with 400 Bad Request: the request was invalid.
 */
public final class BadRequestException extends OpaApiException {

  private static final long serialVersionUID = 1L;

  BadRequestException(String message, ErrorDetails details) {
    super(message, details);
  }
}
