package dev.opateams.compat;

import static dev.opateams.compat.Severity.BREAKING;
import static dev.opateams.compat.Severity.COMPATIBLE;
import static dev.opateams.compat.Severity.WARNING;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Classifies the operation-level part of an openapi-diff result: endpoints, parameters, request
 * bodies, responses, headers, media types and security. Schemas are left to {@link SchemaRules}.
 */
final class OperationRules {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]*}");

    private final OpenAPI baseline;
    private final OpenAPI current;
    private final List<Change> changes = new ArrayList<>();
    private final SchemaRules schemaRules = new SchemaRules(changes);

    OperationRules(OpenAPI baseline, OpenAPI current) {
        this.baseline = baseline;
        this.current = current;
    }

    List<Change> classify(ChangedOpenApi diff) {
        for (Endpoint endpoint : diff.getMissingEndpoints()) {
            String operation = label(endpoint.getOperation(), endpoint.getMethod().name(), endpoint.getPathUrl());
            if (current.getPaths() == null || !current.getPaths().containsKey(endpoint.getPathUrl())) {
                add(BREAKING, "path-removed", operation,
                        "path " + endpoint.getPathUrl() + " removed: existing clients get 404");
            } else {
                add(BREAKING, "operation-removed", operation,
                        endpoint.getMethod() + " " + endpoint.getPathUrl() + " removed: existing clients get 404 or 405");
            }
        }
        for (Endpoint endpoint : diff.getNewEndpoints()) {
            add(COMPATIBLE, "operation-added",
                    label(endpoint.getOperation(), endpoint.getMethod().name(), endpoint.getPathUrl()),
                    "new operation " + endpoint.getMethod() + " " + endpoint.getPathUrl());
        }
        classifyPathTemplates();
        for (ChangedOperation operation : diff.getChangedOperations()) {
            classifyOperation(operation);
        }
        classifyAllSecurity();
        return changes;
    }

    private void classifyOperation(ChangedOperation changed) {
        Operation oldOperation = changed.getOldOperation();
        Operation newOperation = changed.getNewOperation();
        String operation = label(newOperation, changed.getHttpMethod().name(), changed.getPathUrl());

        if (changed.getOperationId() != null && changed.getOperationId().isChanged().isDifferent()) {
            add(WARNING, "operation-id-changed", operation,
                    "operationId changed from " + oldOperation.getOperationId() + " to " + newOperation.getOperationId()
                            + ": the wire format is unchanged, but generated method names change");
        }
        if (changed.isDeprecated()) {
            add(COMPATIBLE, "operation-deprecated", operation, "operation marked deprecated");
        }
        if (isDifferent(changed.getSummary()) || isDifferent(changed.getDescription())) {
            add(COMPATIBLE, "documentation-changed", operation, "summary or description changed");
        }
        classifyParameters(operation, changed.getParameters());
        classifyRequestBody(operation, oldOperation.getRequestBody(), newOperation.getRequestBody(),
                changed.getRequestBody());
        classifyResponses(operation, changed.getApiResponses());
    }

    /**
     * Runs the security rule on every operation present in both documents, because openapi-diff
     * does not report a change of the document's top-level security as a change of the
     * operations that inherit it.
     */
    private void classifyAllSecurity() {
        if (baseline.getPaths() == null || current.getPaths() == null) {
            return;
        }
        Map<String, PathItem> baselineByShape = new HashMap<>();
        baseline.getPaths().forEach((path, item) -> baselineByShape.put(shape(path), item));
        current.getPaths().forEach((path, item) -> {
            PathItem oldItem = baselineByShape.get(shape(path));
            if (oldItem == null) {
                return;
            }
            Map<PathItem.HttpMethod, Operation> oldOperations = oldItem.readOperationsMap();
            item.readOperationsMap().forEach((method, newOperation) -> {
                Operation oldOperation = oldOperations.get(method);
                if (oldOperation != null) {
                    classifySecurity(label(newOperation, method.name(), path), oldOperation, newOperation);
                }
            });
        });
    }

    private static String shape(String path) {
        return TEMPLATE_VARIABLE.matcher(path).replaceAll("{}");
    }

    /**
     * Reports renamed path template variables. openapi-diff matches {@code /a/{x}} with
     * {@code /a/{y}} and then ignores the names: the wire format is the same, but the generated
     * method parameters and JAX-RS {@code @PathParam} values change.
     */
    private void classifyPathTemplates() {
        if (baseline.getPaths() == null || current.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> newEntry : current.getPaths().entrySet()) {
            String newPath = newEntry.getKey();
            if (baseline.getPaths().containsKey(newPath)) {
                continue;
            }
            for (Map.Entry<String, PathItem> oldEntry : baseline.getPaths().entrySet()) {
                String oldPath = oldEntry.getKey();
                if (current.getPaths().containsKey(oldPath) || !shape(oldPath).equals(shape(newPath))) {
                    continue;
                }
                Map<PathItem.HttpMethod, Operation> oldOperations = oldEntry.getValue().readOperationsMap();
                newEntry.getValue().readOperationsMap().forEach((method, operation) -> {
                    if (oldOperations.containsKey(method)) {
                        add(WARNING, "path-parameter-renamed", label(operation, method.name(), newPath),
                                "path template changed from " + oldPath + " to " + newPath
                                        + ": the wire format is unchanged, but generated parameter names change");
                    }
                });
            }
        }
    }

    private void classifyParameters(String operation, ChangedParameters parameters) {
        if (parameters == null) {
            return;
        }
        List<Parameter> removed = new ArrayList<>(parameters.getMissing());
        List<Parameter> added = new ArrayList<>(parameters.getIncreased());

        // One parameter gone and one new in the same place (query, path, header or cookie) is a rename.
        for (Parameter oldParameter : List.copyOf(removed)) {
            List<Parameter> candidates = added.stream().filter(p -> p.getIn().equals(oldParameter.getIn())).toList();
            long removedInSamePlace = removed.stream().filter(p -> p.getIn().equals(oldParameter.getIn())).count();
            if (candidates.size() == 1 && removedInSamePlace == 1) {
                Parameter newParameter = candidates.get(0);
                add(BREAKING, "parameter-renamed", operation + " " + parameterName(oldParameter),
                        oldParameter.getIn() + " parameter renamed from " + oldParameter.getName() + " to "
                                + newParameter.getName() + ": clients send the old name, servers read the new one");
                removed.remove(oldParameter);
                added.remove(newParameter);
            }
        }
        for (Parameter parameter : removed) {
            add(BREAKING, "parameter-removed", operation + " " + parameterName(parameter),
                    parameter.getIn() + " parameter removed: clients still send it and the server ignores it");
        }
        for (Parameter parameter : added) {
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                add(BREAKING, "required-parameter-added", operation + " " + parameterName(parameter),
                        "new required " + parameter.getIn() + " parameter: existing clients do not send it");
            } else {
                add(COMPATIBLE, "optional-parameter-added", operation + " " + parameterName(parameter),
                        "new optional " + parameter.getIn() + " parameter");
            }
        }
        for (ChangedParameter parameter : parameters.getChanged()) {
            classifyParameter(operation, parameter);
        }
    }

    private void classifyParameter(String operation, ChangedParameter changed) {
        String where = operation + " " + parameterName(changed.getNewParameter());
        if (changed.isChangeRequired()) {
            if (Boolean.TRUE.equals(changed.getNewParameter().getRequired())) {
                add(BREAKING, "parameter-made-required", where,
                        "parameter changed from optional to required: clients that leave it out get 400");
            } else {
                add(WARNING, "parameter-made-optional", where,
                        "parameter changed from required to optional: server implementations may now get no value");
            }
        }
        if (changed.isChangeStyle() || changed.isChangeExplode()) {
            add(BREAKING, "parameter-serialization-changed", where,
                    "style or explode changed: the same value is written differently on the wire");
        }
        if (changed.isDeprecated()) {
            add(COMPATIBLE, "parameter-deprecated", where, "parameter marked deprecated");
        }
        if (isDifferent(changed.getDescription())) {
            add(COMPATIBLE, "documentation-changed", where, "description changed");
        }
        schemaRules.classify(where, "", changed.getSchema(), Direction.REQUEST);
        classifyContent(where, changed.getContent(), Direction.REQUEST);
    }

    private void classifyRequestBody(String operation, RequestBody oldBody, RequestBody newBody,
            ChangedRequestBody changed) {
        String where = operation + " request body";
        if (oldBody == null && newBody == null) {
            return;
        }
        if (oldBody == null) {
            if (Boolean.TRUE.equals(newBody.getRequired())) {
                add(BREAKING, "required-request-body-added", where,
                        "new required request body: existing clients send none");
            } else {
                add(COMPATIBLE, "optional-request-body-added", where, "new optional request body");
            }
            return;
        }
        if (newBody == null) {
            add(BREAKING, "request-body-removed", where,
                    "request body removed: clients still send it and the server ignores it");
            return;
        }
        if (changed == null) {
            return;
        }
        if (changed.isChangeRequired()) {
            if (Boolean.TRUE.equals(newBody.getRequired())) {
                add(BREAKING, "request-body-made-required", where,
                        "request body changed from optional to required: clients that send none get 400");
            } else {
                add(WARNING, "request-body-made-optional", where,
                        "request body changed from required to optional: server implementations may now get none");
            }
        }
        classifyContent(where, changed.getContent(), Direction.REQUEST);
    }

    private void classifyResponses(String operation, ChangedApiResponse responses) {
        if (responses == null) {
            return;
        }
        for (String status : responses.getMissing().keySet()) {
            add(BREAKING, "response-status-removed", operation + " response " + status,
                    "response " + status + " removed: clients that handle it lose it,"
                            + " and servers that still return it break the contract");
        }
        for (String status : responses.getIncreased().keySet()) {
            add(WARNING, "response-status-added", operation + " response " + status,
                    "new response " + status + ": clients that handle only the documented statuses may fail on it");
        }
        for (Map.Entry<String, ChangedResponse> entry : responses.getChanged().entrySet()) {
            String where = operation + " response " + entry.getKey();
            ChangedResponse response = entry.getValue();
            if (isDifferent(response.getDescription())) {
                add(COMPATIBLE, "documentation-changed", where, "description changed");
            }
            classifyHeaders(where, response.getHeaders());
            classifyContent(where, response.getContent(), Direction.RESPONSE);
        }
    }

    private void classifyHeaders(String where, ChangedHeaders headers) {
        if (headers == null) {
            return;
        }
        for (String name : headers.getMissing().keySet()) {
            add(BREAKING, "response-header-removed", where + " header " + name,
                    "response header removed: clients that read it get nothing");
        }
        for (String name : headers.getIncreased().keySet()) {
            add(COMPATIBLE, "response-header-added", where + " header " + name, "new response header");
        }
        for (Map.Entry<String, ChangedHeader> entry : headers.getChanged().entrySet()) {
            String headerWhere = where + " header " + entry.getKey();
            ChangedHeader header = entry.getValue();
            Header newHeader = header.getNewHeader();
            if (header.isRequired()) {
                if (Boolean.TRUE.equals(newHeader.getRequired())) {
                    add(COMPATIBLE, "response-header-made-required", headerWhere, "header is now always sent");
                } else {
                    add(BREAKING, "response-header-made-optional", headerWhere,
                            "header changed from required to optional: clients that rely on it may get nothing");
                }
            }
            if (isDifferent(header.getDescription())) {
                add(COMPATIBLE, "documentation-changed", headerWhere, "description changed");
            }
            schemaRules.classify(headerWhere, "", header.getSchema(), Direction.RESPONSE);
            classifyContent(headerWhere, header.getContent(), Direction.RESPONSE);
        }
    }

    private void classifyContent(String where, ChangedContent content, Direction direction) {
        if (content == null) {
            return;
        }
        Set<String> removed = content.getMissing().keySet();
        Set<String> added = content.getIncreased().keySet();
        if (!removed.isEmpty() && !added.isEmpty()) {
            add(BREAKING, "media-type-changed", where,
                    "media type changed from " + String.join(", ", removed) + " to " + String.join(", ", added)
                            + ": existing " + (direction == Direction.REQUEST ? "clients send" : "clients expect")
                            + " the old one");
        } else {
            for (String mediaType : removed) {
                add(BREAKING, "media-type-removed", where + " " + mediaType,
                        "media type removed: existing " + (direction == Direction.REQUEST
                                ? "clients that send it get 415" : "clients that accept only it get 406"));
            }
            for (String mediaType : added) {
                add(COMPATIBLE, "media-type-added", where + " " + mediaType, "new media type");
            }
        }
        for (Map.Entry<String, ChangedMediaType> entry : content.getChanged().entrySet()) {
            schemaRules.classify(where + " " + entry.getKey(), "", entry.getValue().getSchema(), direction);
        }
    }

    /**
     * Compares the effective security of an operation: its own list, or the document's top-level
     * list when the operation has none. The requirements of a list are alternatives, and the
     * schemes inside one requirement are all needed.
     */
    private void classifySecurity(String operation, Operation oldOperation, Operation newOperation) {
        Set<Map<String, Set<String>>> oldRequirements = effectiveSecurity(baseline, oldOperation);
        Set<Map<String, Set<String>>> newRequirements = effectiveSecurity(current, newOperation);
        String where = operation + " security";
        boolean oldOpen = oldRequirements.isEmpty() || oldRequirements.contains(Map.of());
        boolean newOpen = newRequirements.isEmpty() || newRequirements.contains(Map.of());

        if (oldOpen && !newOpen) {
            add(BREAKING, "security-requirement-added", where,
                    "security requirement " + describe(newRequirements)
                            + " added to an open operation: existing clients send no credentials and get 401");
            return;
        }
        if (!oldOpen && newOpen) {
            add(WARNING, "security-requirement-removed", where,
                    "operation no longer requires credentials: server implementations may now get anonymous calls");
            return;
        }
        boolean anyRejected = false;
        for (Map<String, Set<String>> requirement : oldRequirements) {
            boolean stillAccepted = newRequirements.stream().anyMatch(candidate -> isWeakerOrEqual(candidate, requirement));
            if (!stillAccepted) {
                anyRejected = true;
                add(BREAKING, "security-requirement-added", where,
                        "clients that authenticate with " + describe(Set.of(requirement))
                                + " are no longer accepted, because the operation now requires "
                                + describe(newRequirements));
            }
        }
        if (anyRejected) {
            return; // the new requirements replace old ones rather than add alternatives
        }
        for (Map<String, Set<String>> requirement : newRequirements) {
            if (!oldRequirements.contains(requirement)
                    && oldRequirements.stream().noneMatch(old -> isWeakerOrEqual(requirement, old))) {
                add(COMPATIBLE, "security-alternative-added", where,
                        "new way to authenticate: " + describe(Set.of(requirement)));
            }
        }
    }

    /** Returns whether every client that satisfies {@code stronger} also satisfies {@code weaker}. */
    private static boolean isWeakerOrEqual(Map<String, Set<String>> weaker, Map<String, Set<String>> stronger) {
        for (Map.Entry<String, Set<String>> scheme : weaker.entrySet()) {
            Set<String> strongerScopes = stronger.get(scheme.getKey());
            if (strongerScopes == null || !strongerScopes.containsAll(scheme.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Set<Map<String, Set<String>>> effectiveSecurity(OpenAPI document, Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity() != null
                ? operation.getSecurity() : document.getSecurity();
        Set<Map<String, Set<String>>> result = new LinkedHashSet<>();
        if (requirements == null) {
            return result;
        }
        for (SecurityRequirement requirement : requirements) {
            Map<String, Set<String>> schemes = new TreeMap<>();
            requirement.forEach((scheme, scopes) -> schemes.put(scheme, new TreeSet<>(scopes)));
            result.add(schemes);
        }
        return result;
    }

    private static String describe(Set<Map<String, Set<String>>> requirements) {
        List<String> alternatives = new ArrayList<>();
        for (Map<String, Set<String>> requirement : requirements) {
            List<String> schemes = new ArrayList<>();
            requirement.forEach((scheme, scopes) -> schemes.add(scopes.isEmpty() ? scheme : scheme + scopes));
            alternatives.add(String.join(" and ", schemes));
        }
        return String.join(" or ", alternatives);
    }

    static boolean isDifferent(Changed changed) {
        return changed != null && changed.isChanged().isDifferent();
    }

    private static String parameterName(Parameter parameter) {
        return parameter.getIn() + " parameter " + parameter.getName();
    }

    private static String label(Operation operation, String method, String path) {
        if (operation != null && operation.getOperationId() != null) {
            return operation.getOperationId();
        }
        return method + " " + path;
    }

    private void add(Severity severity, String rule, String location, String reason) {
        changes.add(new Change(Change.Layer.SPEC, severity, rule, location, reason));
    }
}
