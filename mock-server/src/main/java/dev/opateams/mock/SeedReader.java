package dev.opateams.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opateams.server.model.AwsInstanceDetails;
import dev.opateams.server.model.CheckedOutResource;
import dev.opateams.server.model.GceInstanceDetails;
import dev.opateams.server.model.JsonWebKey;
import dev.opateams.server.model.JsonWebKeySet;
import dev.opateams.server.model.RoleName;
import dev.opateams.server.model.Server;
import dev.opateams.server.model.TeamSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * Reads a seed document into a {@link MockState}. Every error names the
 * source and the JSON path of the wrong value, for example
 * {@code teams[0].servers[2].hostname}.
 */
final class SeedReader {

  private static final Set<String> TEAM_FIELDS = Set.of("name", "service_users", "roles", "servers", "settings",
      "jwks", "num_human_users", "num_groups", "num_clients", "num_gateways");
  private static final Set<String> USER_FIELDS = Set.of("name", "key_id", "key_secret", "roles",
      "checked_out_resources");

  /** Members of a JWK that belong to the private or symmetric key and are never served. */
  private static final List<String> PRIVATE_JWK_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "k");

  private static final ObjectMapper RENDERER = Json.serverMapper();

  private final String source;
  private final ObjectMapper mapper = Json.seedMapper();

  SeedReader(String source) {
    this.source = source;
  }

  MockState read(JsonNode root) {
    checkFields(root, Set.of("teams"), "");
    JsonNode teams = root.path("teams");
    if (!teams.isArray() || teams.isEmpty()) {
      throw error("teams", "must be a non-empty array");
    }
    List<MockState.Team> result = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<UUID> keyIds = new HashSet<>();
    for (int i = 0; i < teams.size(); i++) {
      MockState.Team team = readTeam(teams.get(i), "teams[" + i + "]", keyIds);
      if (!names.add(team.name())) {
        throw error("teams[" + i + "].name", "repeats the team name '" + team.name() + "'");
      }
      result.add(team);
    }
    return new MockState(result);
  }

  private MockState.Team readTeam(JsonNode node, String path, Set<UUID> keyIds) {
    checkFields(node, TEAM_FIELDS, path);
    String name = requiredText(node, "name", path);
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw error(path + ".name", "must contain only letters, digits, '_', '.' and '-'");
    }

    Map<UUID, MockState.ServiceUser> users = new LinkedHashMap<>();
    JsonNode usersNode = node.path("service_users");
    for (int i = 0; i < usersNode.size(); i++) {
      MockState.ServiceUser user = readUser(usersNode.get(i), path + ".service_users[" + i + "]");
      if (!keyIds.add(user.keyId())) {
        throw error(path + ".service_users[" + i + "].key_id", "repeats the key ID " + user.keyId());
      }
      users.put(user.keyId(), user);
    }

    List<MockState.StoredServer> servers = new ArrayList<>();
    JsonNode serversNode = node.path("servers");
    for (int i = 0; i < serversNode.size(); i++) {
      servers.add(readServer(serversNode.get(i), name, path + ".servers[" + i + "]"));
    }
    servers.sort(Comparator.comparing((MockState.StoredServer server) -> server.withLabels().getHostname())
        .thenComparing(server -> server.withLabels().getId()));

    List<RoleName> roles = new ArrayList<>();
    if (node.has("roles")) {
      JsonNode rolesNode = node.get("roles");
      for (int i = 0; i < rolesNode.size(); i++) {
        roles.add(convert(rolesNode.get(i), RoleName.class, path + ".roles[" + i + "]"));
      }
    } else {
      roles.addAll(Arrays.asList(RoleName.values()));
    }

    JsonNode settingsNode = node.has("settings") ? node.get("settings") : mapper.createObjectNode();
    if (!settingsNode.isObject()) {
      throw error(path + ".settings", "must be a JSON object");
    }
    if (settingsNode.has("team")) {
      throw error(path + ".settings.team", "is taken from the team's name; leave it out");
    }
    ObjectNode namedSettings = ((ObjectNode) settingsNode).deepCopy().put("team", name);
    TeamSettings settings = convert(namedSettings, TeamSettings.class, path + ".settings");
    fillUnsetSettings(settings);

    MockState.ExtraCounts counts = new MockState.ExtraCounts(count(node, "num_human_users", path),
        count(node, "num_groups", path), count(node, "num_clients", path), count(node, "num_gateways", path));
    return new MockState.Team(name, users, servers, roles, publicKeys(node.path("jwks"), path + ".jwks"), counts,
        settings, Json.serverMapper());
  }

  private MockState.ServiceUser readUser(JsonNode node, String path) {
    checkFields(node, USER_FIELDS, path);
    String name = requiredText(node, "name", path);
    UUID keyId = convert(required(node, "key_id", path), UUID.class, path + ".key_id");
    String secret = requiredText(node, "key_secret", path);
    if (secret.isEmpty() || secret.length() > 512) {
      throw error(path + ".key_secret", "must be 1 to 512 characters long");
    }
    Set<String> roles = new LinkedHashSet<>();
    JsonNode rolesNode = node.path("roles");
    for (int i = 0; i < rolesNode.size(); i++) {
      roles.add(convert(rolesNode.get(i), RoleName.class, path + ".roles[" + i + "]").getValue());
    }
    List<CheckedOutResource> resources = new ArrayList<>();
    JsonNode resourcesNode = node.path("checked_out_resources");
    for (int i = 0; i < resourcesNode.size(); i++) {
      resources.add(convert(resourcesNode.get(i), CheckedOutResource.class,
          path + ".checked_out_resources[" + i + "]"));
    }
    return new MockState.ServiceUser(name, keyId, secret, roles, resources);
  }

  private MockState.StoredServer readServer(JsonNode node, String teamName, String path) {
    if (!node.isObject()) {
      throw error(path, "must be an object");
    }
    ObjectNode fields = ((ObjectNode) node).deepCopy();
    JsonNode adServer = fields.remove("ad_server");
    JsonNode credentialIssuance = fields.remove("credential_issuance");
    if (adServer != null && !adServer.isBoolean()) {
      throw error(path + ".ad_server", "must be true or false");
    }
    if (credentialIssuance != null && !credentialIssuance.isBoolean()) {
      throw error(path + ".credential_issuance", "must be true or false");
    }
    if (fields.has("team_name") && !teamName.equals(fields.get("team_name").asText())) {
      throw error(path + ".team_name", "must be the name of the enclosing team, " + teamName);
    }
    fields.put("team_name", teamName);
    required(fields, "id", path);
    required(fields, "hostname", path);
    required(fields, "project_name", path);
    Server withLabels = convert(fields, Server.class, path);
    fields.remove("labels");
    Server withoutLabels = convert(fields, Server.class, path);
    return new MockState.StoredServer(withLabels, withoutLabels, render(withLabels), render(withoutLabels),
        adServer != null && adServer.asBoolean(), credentialIssuance == null ? null : credentialIssuance.asBoolean(),
        cloudAccount(withLabels));
  }

  private static byte[] render(Server server) {
    try {
      return RENDERER.writeValueAsBytes(server);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("failed to render server " + server.getId() + " as JSON", e);
    }
  }

  private static String cloudAccount(Server server) {
    if (server.getInstanceDetails() instanceof AwsInstanceDetails aws) {
      return aws.getAccountId();
    }
    if (server.getInstanceDetails() instanceof GceInstanceDetails gce) {
      return gce.getProjectId();
    }
    return null;
  }

  /** Keeps the public part of each key; a symmetric (oct) key has none and is left out. */
  private JsonWebKeySet publicKeys(JsonNode jwks, String path) {
    JsonWebKeySet result = new JsonWebKeySet().keys(new ArrayList<>());
    if (jwks.isMissingNode()) {
      return result;
    }
    checkFields(jwks, Set.of("keys"), path);
    JsonNode keys = jwks.path("keys");
    for (int i = 0; i < keys.size(); i++) {
      JsonNode key = keys.get(i);
      convert(key, JsonWebKey.class, path + ".keys[" + i + "]");
      if ("oct".equals(key.path("kty").asText())) {
        continue;
      }
      ObjectNode publicPart = ((ObjectNode) key).deepCopy();
      PRIVATE_JWK_MEMBERS.forEach(publicPart::remove);
      result.addKeysItem(convert(publicPart, JsonWebKey.class, path + ".keys[" + i + "]"));
    }
    return result;
  }

  /** Reports every setting the seed leaves out as null, the way servers show a disabled setting. */
  private static void fillUnsetSettings(TeamSettings settings) {
    if (!settings.getApproveDeviceWithoutInteraction_JsonNullable().isPresent()) {
      settings.setApproveDeviceWithoutInteraction_JsonNullable(JsonNullable.of(null));
    }
    if (!settings.getClientSessionDuration_JsonNullable().isPresent()) {
      settings.setClientSessionDuration_JsonNullable(JsonNullable.of(null));
    }
    if (!settings.getWebSessionDuration_JsonNullable().isPresent()) {
      settings.setWebSessionDuration_JsonNullable(JsonNullable.of(null));
    }
    if (!settings.getPostDeviceEnrollmentUrl_JsonNullable().isPresent()) {
      settings.setPostDeviceEnrollmentUrl_JsonNullable(JsonNullable.of(null));
    }
    if (!settings.getPostLoginUrl_JsonNullable().isPresent()) {
      settings.setPostLoginUrl_JsonNullable(JsonNullable.of(null));
    }
    if (!settings.getPostLogoutUrl_JsonNullable().isPresent()) {
      settings.setPostLogoutUrl_JsonNullable(JsonNullable.of(null));
    }
    if (!settings.getReactivateUsersViaIdp_JsonNullable().isPresent()) {
      settings.setReactivateUsersViaIdp_JsonNullable(JsonNullable.of(null));
    }
    if (!settings.getUserProvisioningExactUsername_JsonNullable().isPresent()) {
      settings.setUserProvisioningExactUsername_JsonNullable(JsonNullable.of(null));
    }
  }

  private int count(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (value.isMissingNode()) {
      return 0;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
      throw error(path + "." + field, "must be a non-negative integer");
    }
    return value.asInt();
  }

  private void checkFields(JsonNode node, Set<String> known, String path) {
    if (!node.isObject()) {
      throw error(path.isEmpty() ? "(root)" : path, "must be a JSON object");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw error(path.isEmpty() ? name : path + "." + name,
            "is not a known property; expected one of " + new java.util.TreeSet<>(known));
      }
    }
  }

  private JsonNode required(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw error(path + "." + field, "is required");
    }
    return value;
  }

  private String requiredText(JsonNode node, String field, String path) {
    JsonNode value = required(node, field, path);
    if (!value.isTextual()) {
      throw error(path + "." + field, "must be a string");
    }
    return value.asText();
  }

  private <T> T convert(JsonNode node, Class<T> type, String path) {
    try {
      return mapper.treeToValue(node, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      String where = path;
      if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference reference : mapping.getPath()) {
          where += reference.getFieldName() != null ? "." + reference.getFieldName()
              : "[" + reference.getIndex() + "]";
        }
      }
      throw error(where, "is invalid (" + firstLine(e) + ")");
    }
  }

  private static String firstLine(Exception e) {
    String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
        ? json.getOriginalMessage() : e.getMessage();
    return message == null ? "no detail" : message.lines().findFirst().orElse("no detail");
  }

  private IllegalArgumentException error(String path, String rule) {
    return new IllegalArgumentException("In " + source + ": " + path + " " + rule + ".");
  }
}
