package dev.opateams.client;

/**
 * A failure of a call through {@link OpaTeamsClient}. Subclasses of {@link OpaApiException} stand
 * for an HTTP error response; this class itself is thrown when there was no usable response: the
 * connection failed after every retry, the thread was interrupted, the body could not be decoded,
 * or a paging link was rejected.
 */
public class OpaTeamsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  OpaTeamsException(String message) {
    super(message);
  }

  OpaTeamsException(String message, Throwable cause) {
    super(message, cause);
  }
}
