package dev.opateams.client;

/**
 * An HTTP error response with 409 Conflict: the resource already exists or is in another
 * state.
 */
public final class ConflictException extends OpaApiException {

  private static final long serialVersionUID = 1L;

  ConflictException(String message, ErrorDetails details) {
    super(message, details);
  }
}
