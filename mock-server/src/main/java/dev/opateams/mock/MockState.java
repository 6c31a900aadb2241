package dev.opateams.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opateams.server.model.CheckedOutResource;
import dev.opateams.server.model.JsonWebKeySet;
import dev.opateams.server.model.RoleName;
import dev.opateams.server.model.Server;
import dev.opateams.server.model.TeamSettings;
import dev.opateams.server.model.TeamSettingsUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The in-memory data of a running mock server. Teams, users and servers are
 * fixed after start-up. Checked-out resources and settings change, guarded
 * by the lock of the object that contains them.
 */
final class MockState {

  private final Map<String, Team> teams;

  MockState(List<Team> teams) {
    Map<String, Team> byName = new LinkedHashMap<>();
    teams.forEach(team -> byName.put(team.name(), team));
    this.teams = Collections.unmodifiableMap(byName);
  }

  /** Returns the team, or null when there is none of that name. */
  Team team(String name) {
    return teams.get(name);
  }

  Summary summary() {
    List<ServiceUserCredentials> credentials = new ArrayList<>();
    for (Team team : teams.values()) {
      for (ServiceUser user : team.serviceUsers().values()) {
        credentials.add(new ServiceUserCredentials(team.name(), user.name(), user.keyId(), user.keySecret()));
      }
    }
    return new Summary(List.copyOf(credentials));
  }

  /** The service users of a seed, in the order of the seed. */
  record Summary(List<ServiceUserCredentials> serviceUsers) {

    ServiceUserCredentials firstServiceUser() {
      if (serviceUsers.isEmpty()) {
        throw new IllegalStateException("The seed has no service user");
      }
      return serviceUsers.get(0);
    }

    ServiceUserCredentials serviceUser(String name) {
      return serviceUsers.stream()
          .filter(user -> user.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("The seed has no service user named '" + name
              + "'; it has " + serviceUsers.stream().map(ServiceUserCredentials::name).toList()));
    }
  }

  /** Counts for team_stats that the mock does not model as objects. */
  record ExtraCounts(int humanUsers, int groups, int clients, int gateways) {
  }

  /** A team of the mock. */
  static final class Team {
    private final String name;
    private final Map<UUID, ServiceUser> serviceUsers;
    private final List<StoredServer> servers;
    private final List<RoleName> roles;
    private final JsonWebKeySet publicKeys;
    private final ExtraCounts extraCounts;
    private final ObjectMapper mapper;
    private TeamSettings settings;

    Team(String name, Map<UUID, ServiceUser> serviceUsers, List<StoredServer> servers, List<RoleName> roles,
        JsonWebKeySet publicKeys, ExtraCounts extraCounts, TeamSettings settings, ObjectMapper mapper) {
      this.name = name;
      this.serviceUsers = Collections.unmodifiableMap(new LinkedHashMap<>(serviceUsers));
      this.servers = List.copyOf(servers);
      this.roles = List.copyOf(roles);
      this.publicKeys = publicKeys;
      this.extraCounts = extraCounts;
      this.settings = settings;
      this.mapper = mapper;
    }

    String name() {
      return name;
    }

    Map<UUID, ServiceUser> serviceUsers() {
      return serviceUsers;
    }

    /** The servers, sorted by hostname and then by ID. */
    List<StoredServer> servers() {
      return servers;
    }

    List<RoleName> roles() {
      return roles;
    }

    JsonWebKeySet publicKeys() {
      return publicKeys;
    }

    ExtraCounts extraCounts() {
      return extraCounts;
    }

    /** Returns a copy of the settings, so that a later update does not change a response being written. */
    synchronized TeamSettings settings() {
      return mapper.convertValue(settings, TeamSettings.class);
    }

    /** Applies a partial update: an absent field keeps its value, an explicit null clears it. */
    synchronized void update(TeamSettingsUpdate update) {
      if (update.getApproveDeviceWithoutInteraction_JsonNullable().isPresent()) {
        settings.setApproveDeviceWithoutInteraction(update.getApproveDeviceWithoutInteraction());
      }
      if (update.getClientSessionDuration_JsonNullable().isPresent()) {
        settings.setClientSessionDuration(update.getClientSessionDuration());
      }
      if (update.getWebSessionDuration_JsonNullable().isPresent()) {
        settings.setWebSessionDuration(update.getWebSessionDuration());
      }
      if (update.getPostDeviceEnrollmentUrl_JsonNullable().isPresent()) {
        settings.setPostDeviceEnrollmentUrl(update.getPostDeviceEnrollmentUrl());
      }
      if (update.getPostLoginUrl_JsonNullable().isPresent()) {
        settings.setPostLoginUrl(update.getPostLoginUrl());
      }
      if (update.getPostLogoutUrl_JsonNullable().isPresent()) {
        settings.setPostLogoutUrl(update.getPostLogoutUrl());
      }
      if (update.getReactivateUsersViaIdp_JsonNullable().isPresent()) {
        settings.setReactivateUsersViaIdp(update.getReactivateUsersViaIdp());
      }
      if (update.getUserProvisioningExactUsername_JsonNullable().isPresent()) {
        settings.setUserProvisioningExactUsername(update.getUserProvisioningExactUsername());
      }
    }
  }

  /** A service user with its API key, roles and the resources it has checked out. */
  static final class ServiceUser {
    private final String name;
    private final UUID keyId;
    private final String keySecret;
    private final Set<String> roles;
    private final List<CheckedOutResource> checkedOut;

    ServiceUser(String name, UUID keyId, String keySecret, Set<String> roles, List<CheckedOutResource> checkedOut) {
      this.name = name;
      this.keyId = keyId;
      this.keySecret = keySecret;
      this.roles = Set.copyOf(roles);
      this.checkedOut = new ArrayList<>(checkedOut);
    }

    String name() {
      return name;
    }

    UUID keyId() {
      return keyId;
    }

    String keySecret() {
      return keySecret;
    }

    Set<String> roles() {
      return roles;
    }

    synchronized List<CheckedOutResource> checkedOut() {
      return List.copyOf(checkedOut);
    }

    /** Removes the resource with this ID and type; returns false when there is none. */
    synchronized boolean checkIn(String resourceId, String resourceType) {
      return checkedOut.removeIf(resource -> resource.getResourceId().toString().equalsIgnoreCase(resourceId)
          && resource.getResourceType().getValue().equals(resourceType));
    }

    @Override
    public String toString() {
      return "ServiceUser[name=" + name + ", keyId=" + keyId + ", keySecret=<redacted>]";
    }
  }

  /**
   * A server as two ready response items, with and without labels, each also
   * rendered as JSON once, plus the facts that only filters use: whether it
   * is an AD server, whether credential issuance is on, and its cloud
   * account. Servers never change after start-up, so the JSON stays valid.
   */
  record StoredServer(Server withLabels, Server withoutLabels, byte[] jsonWithLabels, byte[] jsonWithoutLabels,
      boolean adServer, Boolean credentialIssuance, String cloudAccount) {

    Server model(boolean labels) {
      return labels ? withLabels : withoutLabels;
    }

    byte[] json(boolean labels) {
      return labels ? jsonWithLabels : jsonWithoutLabels;
    }
  }
}
