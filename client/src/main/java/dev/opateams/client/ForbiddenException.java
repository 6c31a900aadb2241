package dev.opateams.client;

/**
 * An HTTP error response with 403 Forbidden: the caller lacks a required role, or the Team is
 * disabled or over quota.
 */
public final class ForbiddenException extends OpaApiException {

  private static final long serialVersionUID = 1L;

  ForbiddenException(String message, ErrorDetails details) {
    super(message, details);
  }
}
