package dev.opateams.client;

/**
 * An HTTP error response with 401 Unauthorized: the bearer token or the API key was missing,
 * invalid or expired. Where the token can be renewed, the client has already renewed it and
 * retried once.
 */
public final class UnauthorizedException extends OpaApiException {

  private static final long serialVersionUID = 1L;

  UnauthorizedException(String message, ErrorDetails details) {
    super(message, details);
  }
}
