package dev.opateams.client;

/** An HTTP error response with 401 Unauthorized: the bearer token or the API key was missing, invalid or expired. The client has already renewed the token and retried once where it could. */
public final class UnauthorizedException extends OpaApiException {

  private static final long serialVersionUID = 1L;

  UnauthorizedException(String message, ErrorDetails details) {
    super(message, details);
  }
}
