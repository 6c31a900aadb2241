package dev.opateams.client;

/** The nine operations of the spec, with what the transport needs to know about each. */
enum Operation {
  LIST_CHECKED_OUT_RESOURCES("listCheckedOutResources", "GET", "/checked_out_resources"),
  CHECKIN_RESOURCE("checkinResource", "POST", "/checkin_resource"),
  LIST_ROLES("listRoles", "GET", "/roles"),
  LIST_SERVERS("listServers", "GET", "/servers"),
  GET_TEAM_SETTINGS("getTeamSettings", "GET", "/settings"),
  UPDATE_TEAM_SETTINGS("updateTeamSettings", "PUT", "/settings"),
  GET_TEAM_STATS("getTeamStats", "GET", "/team_stats"),
  GET_VAULT_JWKS("getVaultJwks", "GET", "/vault/jwks.json"),
  CREATE_SERVICE_TOKEN("createServiceToken", "POST", "/service_token");

  private final String operationId;
  private final String method;
  private final String pathSuffix;

  Operation(String operationId, String method, String pathSuffix) {
    this.operationId = operationId;
    this.method = method;
    this.pathSuffix = pathSuffix;
  }

  String operationId() {
    return operationId;
  }

  String method() {
    return method;
  }

  /** The part of the path after {@code /v1/teams/{team_name}}. */
  String pathSuffix() {
    return pathSuffix;
  }

  /** Whether sending the request twice has the same effect as sending it once (GET and PUT). */
  boolean idempotent() {
    return !"POST".equals(method);
  }

  /** Whether the request needs a bearer token; only the token exchange itself goes without. */
  boolean authenticated() {
    return this != CREATE_SERVICE_TOKEN;
  }
}
