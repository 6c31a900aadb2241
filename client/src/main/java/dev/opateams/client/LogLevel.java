package dev.opateams.client;

/**
 * How much of each HTTP exchange the client logs. Every line goes to the SLF4J logger
 * {@code dev.opateams.client.OpaTeamsClient} at DEBUG. At every level the {@code Authorization}
 * header and the {@code key_secret} and {@code bearer_token} JSON fields are replaced by
 * {@code <redacted>}, and a 403 response body is left out.
 */
public enum LogLevel {
  /** No wire logging. Retries and token renewals are still logged at DEBUG. */
  NONE,
  /** The request line, the response status, the elapsed time and the body size. */
  BASIC,
  /** {@link #BASIC} and the request and response headers. */
  HEADERS,
  /** {@link #HEADERS} and the request and response bodies, each cut at 64 KiB. */
  BODY
}
