package dev.opateams.compat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Objects;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Compares two OpenAPI 3 documents and classifies every difference from the point of view of
 * existing clients and of existing server implementations.
 *
 * <p>openapi-diff (org.openapitools.openapidiff) matches operations, parameters, bodies,
 * responses and schema properties between the two documents. This class turns its result into
 * {@link Change}s with rules of its own: openapi-diff judges only what breaks clients, so it misses
 * changes that break servers or strict clients, for example a new response enum value, a renamed
 * parameter or a security requirement inherited from the document's top level.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class SpecComparator {

    /**
     * Compares two specs given as YAML or JSON text.
     *
     * @param baselineSpec the spec that existing clients and servers were built from
     * @param currentSpec the spec under review
     * @return every change found, in document order, breaking or not
     * @throws IllegalArgumentException if either text is not an OpenAPI 3 document
     */
    public List<Change> compare(String baselineSpec, String currentSpec) {
        Objects.requireNonNull(baselineSpec, "baselineSpec");
        Objects.requireNonNull(currentSpec, "currentSpec");

        OpenAPI baseline = parse("baseline", baselineSpec);
        OpenAPI current = parse("current", currentSpec);
        ChangedOpenApi diff = OpenApiCompare.fromSpecifications(baseline, current);

        return new OperationRules(baseline, current).classify(diff);
    }

    private static OpenAPI parse(String role, String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        if (result.getOpenAPI() == null) {
            List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
            throw new IllegalArgumentException("The " + role + " spec is not a valid OpenAPI 3 document: "
                    + (messages.isEmpty() ? "the parser returned no model" : String.join("; ", messages)));
        }
        return result.getOpenAPI();
    }
}
