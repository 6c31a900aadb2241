package dev.opateams.mock;

import dev.opateams.server.api.ServiceTokenApi;
import dev.opateams.server.api.TeamsApi;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Checks, for each API operation and in this order: the bearer token (401),
 * that it belongs to the team in the path (401), the caller's roles against
 * the operation's {@code x-opa-required-roles} from the spec (403), and the
 * query parameters and body against the spec (400). An empty role list
 * admits any valid token; an operation without a security requirement
 * admits anyone.
 */
@Priority(Priorities.AUTHENTICATION)
final class SecurityFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final RequestRules rules;
  private final TokenIssuer tokens;
  private final Supplier<MockState> state;
  private final Map<String, ApiSpec.Operation> operationsByMethod;

  SecurityFilter(ApiSpec spec, TokenIssuer tokens, Supplier<MockState> state) {
    this.rules = new RequestRules(spec);
    this.tokens = tokens;
    this.state = state;
    this.operationsByMethod = operationsByMethod(spec);
  }

  /** Maps each generated interface method to its operation; the generator names methods by operationId. */
  private static Map<String, ApiSpec.Operation> operationsByMethod(ApiSpec spec) {
    Map<String, ApiSpec.Operation> result = new HashMap<>();
    for (Class<?> api : List.of(TeamsApi.class, ServiceTokenApi.class)) {
      for (Method method : api.getDeclaredMethods()) {
        result.put(method.getName(), spec.operation(method.getName()));
      }
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Caller.unbind();
    // The matched method comes from the request itself: an injected ResourceInfo is a proxy that looks up
    // the request scope on every call, which cost a visible share of each request in the benchmark.
    ResourceMethod matched = ((ContainerRequest) request).getUriInfo().getMatchedResourceMethod();
    Class<?> resource = matched == null ? null : matched.getInvocable().getHandler().getHandlerClass();
    if (resource != TeamsResource.class && resource != ServiceTokenResource.class) {
      return;
    }
    ApiSpec.Operation operation = operationsByMethod.get(matched.getInvocable().getDefinitionMethod().getName());
    if (operation.secured()) {
      Caller caller = authenticate(request);
      checkRoles(operation, caller);
      request.setSecurityContext(new Caller.Context(caller));
      Caller.bind(caller);
    }
    rules.checkQuery(operation, request.getUriInfo().getQueryParameters());
    if (!operation.requestBodySchema().isMissingNode()) {
      byte[] body = (byte[]) request.getProperty(RequestLifecycleFilter.BODY);
      rules.checkBody(operation, body == null ? new byte[0] : body);
      request.setEntityStream(new ByteArrayInputStream(body));
    }
  }

  private Caller authenticate(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw ApiException.unauthenticated("The Authorization header is missing; send Authorization: Bearer <token>.");
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ApiException.unauthenticated("The Authorization header must use the Bearer scheme.");
    }
    TokenIssuer.Claims claims = tokens.verify(header.substring(BEARER.length()).trim());
    String pathTeam = request.getUriInfo().getPathParameters().getFirst("team_name");
    if (!claims.team().equals(pathTeam)) {
      throw ApiException.unauthenticated("The bearer token is for another team than " + pathTeam + ".");
    }
    MockState.Team team = state.get().team(claims.team());
    MockState.ServiceUser user = team == null ? null : team.serviceUsers().get(claims.keyId());
    if (user == null) {
      throw ApiException.unauthenticated("The bearer token's service user no longer exists.");
    }
    return new Caller(team, user);
  }

  private static void checkRoles(ApiSpec.Operation operation, Caller caller) {
    if (operation.roles().isEmpty() || !Collections.disjoint(operation.roles(), caller.user().roles())) {
      return;
    }
    String required = String.join(", ", operation.roles());
    String message = "The caller does not have a role that " + operation.id() + " requires (one of " + required + ").";
    throw new ApiException(403, "forbidden_error", message,
        List.of(ApiException.cause("requires one of the roles " + required, "header", HttpHeaders.AUTHORIZATION)));
  }
}
