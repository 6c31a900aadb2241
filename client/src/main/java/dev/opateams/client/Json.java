package dev.opateams.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opateams.client.invoker.ApiClient;

/** The Jackson mapper for the generated models, configured exactly as the generated client does. */
final class Json {

  /**
   * Taken from a throw-away generated {@link ApiClient}, so that the facade reads and writes the
   * models with the same settings as the Feign client (JsonNullable, RFC 3339 dates, unknown
   * properties ignored, unknown variants decoded as their base type). The mapper is thread-safe
   * once configured.
   */
  static final ObjectMapper MAPPER = new ApiClient().getObjectMapper();

  private Json() {
  }
}
