package dev.opateams.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates recorded requests and responses against the spec with an
 * independent validator, Atlassian's swagger-request-validator-core, so that
 * a mistake shared by both generated sides still shows.
 *
 * <p>Two settings differ from the validator's defaults, each because the
 * default disagrees with how the spec is meant to be read:
 * <ul>
 *   <li>The validator adds {@code additionalProperties: false} to every
 *       object schema unless configured otherwise. JSON Schema allows additional
 *       properties by default, the spec relies on that for forward
 *       compatibility, and the injected value also breaks {@code allOf}
 *       composition: a variant such as {@code ServerAccountResourceDetails}
 *       fails because its own part does not list the base's {@code _type}.
 *       The key {@code validation.schema.additionalProperties} is therefore
 *       ignored; the spec itself never sets {@code additionalProperties}.</li>
 *   <li>A property written as {@code allOf: [$ref: SomeEnum]} with
 *       {@code nullable: true} beside it is read as "SomeEnum or null", as
 *       openapi-generator reads it. See {@link NullableEnumReferences}.</li>
 * </ul>
 *
 * <p>Instances are thread-safe.
 */
public final class SpecTrafficValidator {

  private static final String ADDITIONAL_PROPERTIES = "validation.schema.additionalProperties";
  /** Error lines longer than this are cut, because the validator quotes whole values, such as a long URL. */
  private static final int MAX_LINE_LENGTH = 400;

  private final OpenApiInteractionValidator validator;

  private SpecTrafficValidator(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  /** Returns a validator for the spec on the classpath, see {@link TeamsApiSpec}. */
  public static SpecTrafficValidator forTeamsApi() {
    return forSpec(TeamsApiSpec.yaml());
  }

  /** Returns a validator for the given OpenAPI 3.0 YAML or JSON text. */
  public static SpecTrafficValidator forSpec(String specText) {
    Objects.requireNonNull(specText, "specText");
    OpenAPI spec = TeamsApiSpec.parse(specText);
    NullableEnumReferences.inline(spec);
    LevelResolver levels = LevelResolver.create()
        .withLevel(ADDITIONAL_PROPERTIES, ValidationReport.Level.IGNORE)
        .build();
    // The validator parses the text itself, with the reference handling it was built for.
    return new SpecTrafficValidator(OpenApiInteractionValidator.createForInlineApiSpecification(Json.pretty(spec))
        .withLevelResolver(levels)
        .build());
  }

  /** Returns one line per validation error in the request, or an empty list when it is valid. */
  public List<String> validateRequest(HttpExchange exchange) {
    return errors(validator.validateRequest(request(exchange)));
  }

  /** Returns one line per validation error in the response, or an empty list when it is valid. */
  public List<String> validateResponse(HttpExchange exchange) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
    exchange.responseHeaders().forEach(response::withHeader);
    if (!exchange.responseBody().isEmpty()) {
      response.withBody(exchange.responseBody());
    }
    return errors(validator.validateResponse(exchange.path(), Request.Method.valueOf(exchange.method()),
        response.build()));
  }

  private static SimpleRequest request(HttpExchange exchange) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
    exchange.requestHeaders().forEach(request::withHeader);
    queryParameters(exchange.rawQuery()).forEach(request::withQueryParam);
    if (!exchange.requestBody().isEmpty()) {
      request.withBody(exchange.requestBody());
    }
    return request.build();
  }

  private static Map<String, List<String>> queryParameters(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String line) {
    if (line.length() <= MAX_LINE_LENGTH) {
      return line;
    }
    return line.substring(0, MAX_LINE_LENGTH) + "... (" + line.length() + " characters)";
  }

  private static List<String> errors(ValidationReport report) {
    List<String> lines = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      StringBuilder line = new StringBuilder(message.getKey()).append(": ").append(message.getMessage());
      message.getAdditionalInfo().forEach(info -> line.append(" (").append(info).append(')'));
      message.getContext()
          .flatMap(ValidationReport.MessageContext::getParameter)
          .ifPresent(parameter -> line.append(" (").append(parameter.getIn()).append(" parameter ")
              .append(parameter.getName()).append(')'));
      for (ValidationReport.Message nested : message.getNestedMessages()) {
        line.append("\n    ").append(nested.getKey()).append(": ").append(nested.getMessage());
      }
      lines.add(abbreviate(line.toString()));
    }
    return lines;
  }
}
