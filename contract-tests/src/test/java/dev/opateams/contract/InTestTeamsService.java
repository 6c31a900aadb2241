package dev.opateams.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opateams.server.api.ServiceTokenApi;
import dev.opateams.server.api.TeamsApi;
import dev.opateams.server.model.CheckedOutResourceList;
import dev.opateams.server.model.CheckinRequest;
import dev.opateams.server.model.JsonWebKeySet;
import dev.opateams.server.model.RoleList;
import dev.opateams.server.model.ServerList;
import dev.opateams.server.model.ServiceToken;
import dev.opateams.server.model.ServiceTokenRequest;
import dev.opateams.server.model.TeamSettings;
import dev.opateams.server.model.TeamSettingsUpdate;
import dev.opateams.server.model.TeamStats;
import jakarta.ws.rs.Path;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small implementation of both generated interfaces for tests: each
 * operation responds with the JSON a test gave it, decoded into the server
 * model, and stores the arguments it was called with. Register both this
 * object and {@link #serviceTokenResource()}. JAX-RS does not inherit a
 * class-level {@code @Path} from an interface, so each implementation
 * repeats the one of its generated interface.
 */
@Path("")
final class InTestTeamsService implements TeamsApi {

  private final ObjectMapper mapper = EmbeddedTeamsServer.serverObjectMapper();
  private final Map<String, String> responses = new ConcurrentHashMap<>();
  private final Map<String, List<Object>> arguments = new ConcurrentHashMap<>();

  /** Sets the JSON body of the named operation's response. */
  void respond(String operationId, String json) {
    responses.put(operationId, json);
  }

  /** Returns the arguments of the last call of the named operation. */
  List<Object> argumentsOf(String operationId) {
    List<Object> recorded = arguments.get(operationId);
    if (recorded == null) {
      throw new AssertionError(operationId + " was not called");
    }
    return recorded;
  }

  private <T> T answer(String operationId, Class<T> type, Object... args) {
    arguments.put(operationId, Arrays.asList(args));
    if (type == Void.class) {
      return null;
    }
    String json = responses.get(operationId);
    if (json == null) {
      throw new AssertionError("no response set for " + operationId);
    }
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("invalid canned response for " + operationId, e);
    }
  }

  @Override
  public CheckedOutResourceList listCheckedOutResources(String teamName, String resourceType,
      Boolean includePendingCheckin, Integer count, Boolean descending, String offset, Boolean prev) {
    return answer("listCheckedOutResources", CheckedOutResourceList.class,
        teamName, resourceType, includePendingCheckin, count, descending, offset, prev);
  }

  @Override
  public void checkinResource(String teamName, CheckinRequest checkinRequest) {
    answer("checkinResource", Void.class, teamName, checkinRequest);
  }

  @Override
  public RoleList listRoles(String teamName) {
    return answer("listRoles", RoleList.class, teamName);
  }

  @Override
  public ServerList listServers(String teamName, Boolean adServers, String altNamesContains,
      String bastion, String canonicalName, String cloudAccount, String cloudProvider,
      Integer count, Boolean credentialed, Boolean descending, String hostname, String id,
      String instanceId, Boolean managed, String offset, Boolean prev, String projectName,
      String state, String selector, Boolean includeLabels) {
    return answer("listServers", ServerList.class, teamName, adServers, altNamesContains,
        bastion, canonicalName, cloudAccount, cloudProvider, count, credentialed, descending,
        hostname, id, instanceId, managed, offset, prev, projectName, state, selector,
        includeLabels);
  }

  @Override
  public TeamSettings getTeamSettings(String teamName) {
    return answer("getTeamSettings", TeamSettings.class, teamName);
  }

  @Override
  public void updateTeamSettings(String teamName, TeamSettingsUpdate teamSettingsUpdate) {
    answer("updateTeamSettings", Void.class, teamName, teamSettingsUpdate);
  }

  @Override
  public TeamStats getTeamStats(String teamName) {
    return answer("getTeamStats", TeamStats.class, teamName);
  }

  @Override
  public JsonWebKeySet getVaultJwks(String teamName) {
    return answer("getVaultJwks", JsonWebKeySet.class, teamName);
  }

  /** Creates the resource for createServiceToken, which shares this object's responses and arguments. */
  Object serviceTokenResource() {
    return new ServiceTokenResource();
  }

  @Path("/v1/teams/{team_name}/service_token")
  final class ServiceTokenResource implements ServiceTokenApi {
    @Override
    public ServiceToken createServiceToken(String teamName, ServiceTokenRequest serviceTokenRequest) {
      return answer("createServiceToken", ServiceToken.class, teamName, serviceTokenRequest);
    }
  }
}
