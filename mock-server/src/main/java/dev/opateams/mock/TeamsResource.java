package dev.opateams.mock;

import dev.opateams.server.api.TeamsApi;
import dev.opateams.server.model.CheckedOutResource;
import dev.opateams.server.model.CheckedOutResourceList;
import dev.opateams.server.model.CheckinRequest;
import dev.opateams.server.model.JsonWebKeySet;
import dev.opateams.server.model.Role;
import dev.opateams.server.model.RoleList;
import dev.opateams.server.model.ServerList;
import dev.opateams.server.model.TeamSettings;
import dev.opateams.server.model.TeamSettingsUpdate;
import dev.opateams.server.model.TeamStats;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Teams operations over the in-memory state. Authentication, roles and
 * the form of every parameter and body are checked by {@link SecurityFilter}
 * before a method here runs; the methods check only what depends on the
 * state. JAX-RS does not inherit the interface's class-level {@code @Path},
 * so it is repeated here.
 */
@Path("")
@Singleton
final class TeamsResource implements TeamsApi {


  @Override
  public CheckedOutResourceList listCheckedOutResources(String teamName, String resourceType,
      Boolean includePendingCheckin, Integer count, Boolean descending, String offset, Boolean prev) {
    MockState.ServiceUser user = caller(teamName).user();
    List<CheckedOutResource> matching = user.checkedOut().stream()
        .filter(resource -> resourceType == null || resource.getResourceType().getValue().equals(resourceType))
        .filter(resource -> Boolean.TRUE.equals(includePendingCheckin) || resource.getCheckinStartAt() == null)
        .sorted(Comparator.comparing(CheckedOutResource::getCheckoutAt)
            .thenComparing(CheckedOutResource::getResourceId))
        .map(resource -> resourceType == null ? withoutName(resource) : resource)
        .toList();
    Paging.Page<CheckedOutResource> page = Paging.page(matching, count, descending, offset, prev);
    PagedLists.PagedCheckedOutResourceList answer = new PagedLists.PagedCheckedOutResourceList(page);
    answer.setList(page.items());
    return answer;
  }

  /** Leaves resource_name out: servers send it only when the request named a resource_type. */
  private static CheckedOutResource withoutName(CheckedOutResource resource) {
    CheckedOutResource copy = new CheckedOutResource()
        .resourceId(resource.getResourceId())
        .resourceType(resource.getResourceType())
        .checkoutAt(resource.getCheckoutAt())
        .checkoutExpiryAt(resource.getCheckoutExpiryAt())
        .checkinBy(resource.getCheckinBy())
        .checkinStartAt(resource.getCheckinStartAt())
        .checkinType(resource.getCheckinType())
        .resourceDetails(resource.getResourceDetails());
    return copy;
  }

  @Override
  public void checkinResource(String teamName, CheckinRequest checkinRequest) {
    Caller caller = caller(teamName);
    String resourceType = checkinRequest.getResourceType().getValue();
    if (!caller.user().checkIn(checkinRequest.getResourceId(), resourceType)) {
      throw ApiException.notFound("No resource " + checkinRequest.getResourceId() + " of type " + resourceType
          + " is checked out by " + caller.user().name() + ".", "body", "resource_id");
    }
  }

  @Override
  public RoleList listRoles(String teamName) {
    List<Role> roles = caller(teamName).team().roles().stream()
        .map(role -> new Role().name(role))
        .toList();
    return new RoleList()._list(roles);
  }

  @Override
  public ServerList listServers(String teamName, Boolean adServers, String altNamesContains, String bastion,
      String canonicalName, String cloudAccount, String cloudProvider, Integer count, Boolean credentialed,
      Boolean descending, String hostname, String id, String instanceId, Boolean managed, String offset,
      Boolean prev, String projectName, String state, String selector, Boolean includeLabels) {
    ServerFilter filter = ServerFilter.builder()
        .adServers(adServers)
        .altNamesContains(altNamesContains)
        .bastion(bastion)
        .canonicalName(canonicalName)
        .cloudAccount(cloudAccount)
        .cloudProvider(cloudProvider)
        .credentialed(credentialed)
        .hostname(hostname)
        .ids(id)
        .instanceId(instanceId)
        .managed(managed)
        .projectName(projectName)
        .state(state)
        .selector(selector)
        .build();
    List<MockState.StoredServer> matching = caller(teamName).team().servers().stream()
        .filter(filter::matches)
        .toList();
    Paging.Page<MockState.StoredServer> page = Paging.page(matching, count, descending, offset, prev);
    return new PagedLists.PagedServerList(page, Boolean.TRUE.equals(includeLabels));
  }

  @Override
  public TeamSettings getTeamSettings(String teamName) {
    return caller(teamName).team().settings();
  }

  @Override
  public void updateTeamSettings(String teamName, TeamSettingsUpdate teamSettingsUpdate) {
    caller(teamName).team().update(teamSettingsUpdate);
  }

  @Override
  public TeamStats getTeamStats(String teamName) {
    MockState.Team team = caller(teamName).team();
    Set<String> projects = new HashSet<>();
    team.servers().forEach(server -> projects.add(server.withLabels().getProjectName()));
    MockState.ExtraCounts extra = team.extraCounts();
    return new TeamStats(extra.clients(), extra.gateways(), extra.groups(), extra.humanUsers(), projects.size(),
        team.servers().size(), team.serviceUsers().size());
  }

  @Override
  public JsonWebKeySet getVaultJwks(String teamName) {
    return caller(teamName).team().publicKeys();
  }

  /** Returns the caller that {@link SecurityFilter} authenticated for this team. */
  private static Caller caller(String teamName) {
    Caller caller = Caller.current();
    if (caller == null || !caller.team().name().equals(teamName)) {
      throw new IllegalStateException("No authenticated caller for team " + teamName);
    }
    return caller;
  }
}
