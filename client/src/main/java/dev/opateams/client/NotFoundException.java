package dev.opateams.client;

/**
 * An HTTP error response with 404 Not Found: the Team or the resource does not exist.
 */
public final class NotFoundException extends OpaApiException {

  private static final long serialVersionUID = 1L;

  NotFoundException(String message, ErrorDetails details) {
    super(message, details);
  }
}
