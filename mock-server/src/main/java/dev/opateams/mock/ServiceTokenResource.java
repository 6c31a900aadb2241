package dev.opateams.mock;

import dev.opateams.server.api.ServiceTokenApi;
import dev.opateams.server.model.ServiceToken;
import dev.opateams.server.model.ServiceTokenRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** createServiceToken: exchanges a service user's API key for a bearer token. */
@Path("/v1/teams/{team_name}/service_token")
@Singleton
final class ServiceTokenResource implements ServiceTokenApi {

  private final Supplier<MockState> state;
  private final TokenIssuer tokens;

  @Inject
  ServiceTokenResource(MockBackend backend) {
    this.state = backend.state();
    this.tokens = backend.tokens();
  }

  @Override
  public ServiceToken createServiceToken(String teamName, ServiceTokenRequest request) {
    MockState.Team team = state.get().team(teamName);
    if (team == null) {
      throw ApiException.notFound("Team " + teamName + " does not exist.", "path", "team_name");
    }
    MockState.ServiceUser user = team.serviceUsers().get(request.getKeyId());
    // The same response for an unknown key and a wrong secret, so that key IDs cannot be probed.
    if (user == null || !MessageDigest.isEqual(user.keySecret().getBytes(StandardCharsets.UTF_8),
        request.getKeySecret().getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(401, "authentication_error", "The API key is invalid: unknown key_id or wrong key_secret.",
          java.util.List.of(ApiException.cause("unknown key_id or wrong key_secret", "body", "key_secret")));
    }
    TokenIssuer.Issued issued = tokens.issue(teamName, user.keyId());
    return new ServiceToken()
        .bearerToken(issued.token())
        .expiresAt(issued.expiresAt().atOffset(ZoneOffset.UTC))
        .teamName(teamName);
  }
}
