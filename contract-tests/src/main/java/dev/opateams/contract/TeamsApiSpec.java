package dev.opateams.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Loads and parses the OPA Teams spec that the api-spec artifact ships. */
public final class TeamsApiSpec {

  /** The classpath location of the spec inside the opa-teams-api-spec jar. */
  public static final String RESOURCE = "dev/opateams/api/opa-teams.yaml";

  private TeamsApiSpec() {
  }

  /** Returns the spec's YAML text from the classpath. */
  public static String yaml() {
    try (InputStream in = TeamsApiSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the spec " + RESOURCE
            + " is not on the classpath; add the opa-teams-api-spec artifact");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read the spec " + RESOURCE, e);
    }
  }

  /** Parses the spec from the classpath. */
  public static OpenAPI load() {
    return parse(yaml());
  }

  /**
   * Parses an OpenAPI 3.0 document. Parameter, request body and response
   * references are resolved; schema references are kept, so that a property
   * still names the component schema it refers to.
   *
   * @throws IllegalArgumentException if the document does not parse or has errors
   */
  public static OpenAPI parse(String yaml) {
    Objects.requireNonNull(yaml, "yaml");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    if (result.getOpenAPI() == null || !messages.isEmpty()) {
      throw new IllegalArgumentException("the spec is invalid: " + String.join("; ", messages));
    }
    return result.getOpenAPI();
  }
}
