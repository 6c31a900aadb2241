package dev.opateams.mock;

import static dev.opateams.mock.TestHttp.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests sent over real HTTP. Each must get a 4xx with the
 * spec's error body, an exact message that names the field by its wire
 * name, and no Java class name or stack trace.
 */
class BadInputTest {

  private static final String BASE = "/v1/teams/" + TEAM;
  private static final String TOKEN_PATH = BASE + "/service_token";
  private static final String KEY_ID = "b384ec6d-2f5b-42d9-8408-9e1f99a35308";
  private static final String JSON = "application/json";
  private static final String WHOLE_BODY = "";

  private static MockServer server;
  private static String admin;

  @BeforeAll
  static void start() {
    server = MockServer.builder().build().start();
    admin = TestHttp.token(server, "demo-admin");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /**
   * One malformed request: method, path, Content-Type (null for none), body (null for none), and the expected
   * response. The expected location is null when it is not checked, and {@value #WHOLE_BODY} when the first
   * cause is about the whole body and so must have no location.
   */
  record Case(String name, String method, String path, String contentType, String body, int status, String message,
      String location) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    String longSecret = "s".repeat(513);
    String longUrl = "https://example.com/" + "a".repeat(8077);
    String longHostname = "h".repeat(1025);
    return Stream.of(
        // createServiceToken bodies
        bad("malformed JSON", "POST", TOKEN_PATH, JSON, "{", 400,
            "The request body is not valid JSON at line 1, column 2.", WHOLE_BODY),
        bad("unterminated string", "POST", TOKEN_PATH, JSON, "{\"key_id\":\"abc", 400,
            "The request body is not valid JSON at line 1, column 15.", WHOLE_BODY),
        bad("single quotes", "POST", TOKEN_PATH, JSON, "{'key_id':'x'}", 400,
            "The request body is not valid JSON at line 1, column 2.", WHOLE_BODY),
        bad("trailing content", "POST", TOKEN_PATH, JSON, "{} {}", 400,
            "The request body is not valid JSON at line 1, column 4.", WHOLE_BODY),
        bad("empty body", "POST", TOKEN_PATH, JSON, "", 400,
            "The request body is missing; send a JSON object.", WHOLE_BODY),
        bad("array body", "POST", TOKEN_PATH, JSON, "[]", 400, "body: must be a JSON object", WHOLE_BODY),
        bad("string body", "POST", TOKEN_PATH, JSON, "\"key\"", 400, "body: must be a JSON object", WHOLE_BODY),
        bad("null body", "POST", TOKEN_PATH, JSON, "null", 400, "body: must not be null", WHOLE_BODY),
        bad("empty object", "POST", TOKEN_PATH, JSON, "{}", 400,
            "key_id: is required; key_secret: is required", "key_id"),
        bad("key_id missing", "POST", TOKEN_PATH, JSON, "{\"key_secret\":\"s\"}", 400,
            "key_id: is required", "key_id"),
        bad("key_id not a UUID", "POST", TOKEN_PATH, JSON, "{\"key_id\":\"abc\",\"key_secret\":\"s\"}", 400,
            "key_id: must be a UUID", "key_id"),
        bad("key_id a number", "POST", TOKEN_PATH, JSON, "{\"key_id\":42,\"key_secret\":\"s\"}", 400,
            "key_id: must be a string", "key_id"),
        bad("key_id null", "POST", TOKEN_PATH, JSON, "{\"key_id\":null,\"key_secret\":\"s\"}", 400,
            "key_id: must not be null", "key_id"),
        bad("key_secret empty", "POST", TOKEN_PATH, JSON, "{\"key_id\":\"" + KEY_ID + "\",\"key_secret\":\"\"}", 400,
            "key_secret: must be at least 1 character long", "key_secret"),
        bad("key_secret too long", "POST", TOKEN_PATH, JSON,
            "{\"key_id\":\"" + KEY_ID + "\",\"key_secret\":\"" + longSecret + "\"}", 400,
            "key_secret: must be at most 512 characters long", "key_secret"),
        bad("key_secret an object", "POST", TOKEN_PATH, JSON, "{\"key_id\":\"" + KEY_ID + "\",\"key_secret\":{}}",
            400, "key_secret: must be a string", "key_secret"),
        bad("unknown property", "POST", TOKEN_PATH, JSON,
            "{\"key_id\":\"" + KEY_ID + "\",\"key_secret\":\"s\",\"scope\":\"all\"}", 400,
            "scope: is not a known property", "scope"),
        bad("duplicate property", "POST", TOKEN_PATH, JSON,
            "{\"key_id\":\"" + KEY_ID + "\",\"key_id\":\"" + KEY_ID + "\",\"key_secret\":\"s\"}", 400,
            "key_id: must appear at most once", "key_id"),
        bad("text/plain body", "POST", TOKEN_PATH, "text/plain", "key", 415,
            "The Content-Type must be application/json, not 'text/plain'.", "Content-Type"),
        bad("xml body", "POST", TOKEN_PATH, "application/xml", "<key/>", 415,
            "The Content-Type must be application/json, not 'application/xml'.", "Content-Type"),
        bad("form body", "POST", TOKEN_PATH, "application/x-www-form-urlencoded", "key_id=1", 415,
            "The Content-Type must be application/json, not 'application/x-www-form-urlencoded'.", "Content-Type"),

        // checkinResource bodies
        bad("resource_id empty", "POST", BASE + "/checkin_resource", JSON,
            "{\"resource_id\":\"\",\"resource_type\":\"server_account_password_login\"}", 400,
            "resource_id: must be at least 1 character long", "resource_id"),
        bad("resource_type unknown", "POST", BASE + "/checkin_resource", JSON,
            "{\"resource_id\":\"r\",\"resource_type\":\"printer\"}", 400,
            "resource_type: must be one of managed_saas_app_account_password_login, "
                + "okta_universal_directory_account_password_login, server_account_password_login", "resource_type"),
        bad("resource_type a number", "POST", BASE + "/checkin_resource", JSON,
            "{\"resource_id\":\"r\",\"resource_type\":7}", 400, "resource_type: must be a string", "resource_type"),
        bad("resource_type missing", "POST", BASE + "/checkin_resource", JSON, "{\"resource_id\":\"r\"}", 400,
            "resource_type: is required", "resource_type"),
        bad("resource_id null", "POST", BASE + "/checkin_resource", JSON,
            "{\"resource_id\":null,\"resource_type\":\"server_account_password_login\"}", 400,
            "resource_id: must not be null", "resource_id"),
        bad("checkin array", "POST", BASE + "/checkin_resource", JSON, "[{}]", 400, "body: must be a JSON object", WHOLE_BODY),

        // updateTeamSettings bodies
        bad("duration as string", "PUT", BASE + "/settings", JSON, "{\"client_session_duration\":\"7200\"}", 400,
            "client_session_duration: must be an integer", "client_session_duration"),
        bad("duration as fraction", "PUT", BASE + "/settings", JSON, "{\"client_session_duration\":7200.5}", 400,
            "client_session_duration: must be an integer", "client_session_duration"),
        bad("duration in exponent form", "PUT", BASE + "/settings", JSON, "{\"client_session_duration\":1e10}", 400,
            "client_session_duration: must be an integer", "client_session_duration"),
        bad("duration below minimum", "PUT", BASE + "/settings", JSON, "{\"client_session_duration\":3599}", 400,
            "client_session_duration: must be between 3600 and 90000", "client_session_duration"),
        bad("duration above maximum", "PUT", BASE + "/settings", JSON, "{\"client_session_duration\":90001}", 400,
            "client_session_duration: must be between 3600 and 90000", "client_session_duration"),
        bad("duration beyond long", "PUT", BASE + "/settings", JSON,
            "{\"client_session_duration\":99999999999999999999}", 400,
            "client_session_duration: must be between 3600 and 90000", "client_session_duration"),
        bad("web duration below minimum", "PUT", BASE + "/settings", JSON, "{\"web_session_duration\":1799}", 400,
            "web_session_duration: must be between 1800 and 90000", "web_session_duration"),
        bad("url too long", "PUT", BASE + "/settings", JSON, "{\"post_login_url\":\"" + longUrl + "\"}", 400,
            "post_login_url: must be at most 8096 characters long", "post_login_url"),
        bad("url a number", "PUT", BASE + "/settings", JSON, "{\"post_logout_url\":1}", 400,
            "post_logout_url: must be a string", "post_logout_url"),
        bad("flag as string", "PUT", BASE + "/settings", JSON, "{\"approve_device_without_interaction\":\"yes\"}",
            400, "approve_device_without_interaction: must be true or false", "approve_device_without_interaction"),
        bad("flag as object", "PUT", BASE + "/settings", JSON, "{\"reactivate_users_via_idp\":{}}", 400,
            "reactivate_users_via_idp: must be true or false", "reactivate_users_via_idp"),
        bad("read-only team", "PUT", BASE + "/settings", JSON, "{\"team\":\"Other_Team\"}", 400,
            "team: is not a known property", "team"),
        bad("two mistakes", "PUT", BASE + "/settings", JSON,
            "{\"client_session_duration\":1,\"web_session_duration\":\"x\"}", 400,
            "client_session_duration: must be between 3600 and 90000; web_session_duration: must be an integer",
            "client_session_duration"),
        bad("settings without content type", "PUT", BASE + "/settings", null, "{}", 415,
            "The Content-Type must be application/json, not missing.", "Content-Type"),

        // query parameters
        bad("count zero", "GET", BASE + "/servers?count=0", null, null, 400,
            "count: must be between 1 and 1000", "count"),
        bad("count negative", "GET", BASE + "/servers?count=-5", null, null, 400,
            "count: must be between 1 and 1000", "count"),
        bad("count too large", "GET", BASE + "/servers?count=1001", null, null, 400,
            "count: must be between 1 and 1000", "count"),
        bad("count beyond int", "GET", BASE + "/servers?count=99999999999", null, null, 400,
            "count: must be between 1 and 1000", "count"),
        bad("count not a number", "GET", BASE + "/servers?count=abc", null, null, 400,
            "count: must be an integer", "count"),
        bad("count empty", "GET", BASE + "/servers?count=", null, null, 400, "count: must be an integer", "count"),
        bad("count given twice", "GET", BASE + "/servers?count=1&count=2", null, null, 400,
            "count: must be given at most once", "count"),
        bad("descending not boolean", "GET", BASE + "/servers?descending=yes", null, null, 400,
            "descending: must be true or false", "descending"),
        bad("prev upper case", "GET", BASE + "/servers?prev=TRUE", null, null, 400,
            "prev: must be true or false", "prev"),
        bad("include_labels as 1", "GET", BASE + "/servers?include_labels=1", null, null, 400,
            "include_labels: must be true or false", "include_labels"),
        bad("unknown state", "GET", BASE + "/servers?state=FOO", null, null, 400,
            "state: must be one of ACTIVE, INACTIVE", "state"),
        bad("unknown cloud provider", "GET", BASE + "/servers?cloud_provider=azure", null, null, 400,
            "cloud_provider: must be one of aws, gce", "cloud_provider"),
        bad("misspelt parameter", "GET", BASE + "/servers?hostnme=web", null, null, 400,
            "hostnme: unknown query parameter for listServers", "hostnme"),
        bad("forged offset", "GET", BASE + "/servers?offset=%21%21", null, null, 400,
            "offset: is not an offset from a Link header of this list", "offset"),
        bad("id not a UUID", "GET", BASE + "/servers?id=web-01", null, null, 400,
            "id: must be a comma-separated list of UUIDs", "id"),
        bad("hostname too long", "GET", BASE + "/servers?hostname=" + longHostname, null, null, 400,
            "hostname: must be at most 1024 characters", "hostname"),
        bad("unknown resource_type", "GET", BASE + "/checked_out_resources?resource_type=printer", null, null, 400,
            "resource_type: must be one of server_account_password_login", "resource_type"),
        bad("include_pending_checkin maybe", "GET", BASE + "/checked_out_resources?include_pending_checkin=maybe",
            null, null, 400, "include_pending_checkin: must be true or false", "include_pending_checkin"),
        bad("query on settings", "GET", BASE + "/settings?verbose=true", null, null, 400,
            "verbose: unknown query parameter for getTeamSettings", "verbose"),

        // paths, methods and media types
        bad("unknown operation", "GET", BASE + "/nothing", null, null, 404,
            "No operation matches GET /v1/teams/Your_OPA_Team/nothing.", null),
        bad("unknown version", "GET", "/v2/teams/" + TEAM + "/servers", null, null, 404,
            "No operation matches GET /v2/teams/Your_OPA_Team/servers.", null),
        bad("root path", "GET", "/", null, null, 404, "No operation matches GET /.", null),
        bad("DELETE on servers", "DELETE", BASE + "/servers", null, null, 405,
            "The method DELETE is not allowed on /v1/teams/Your_OPA_Team/servers.", null),
        bad("POST on servers", "POST", BASE + "/servers", JSON, "{}", 405,
            "The method POST is not allowed on /v1/teams/Your_OPA_Team/servers.", null),
        bad("GET on service_token", "GET", TOKEN_PATH, null, null, 405,
            "The method GET is not allowed on /v1/teams/Your_OPA_Team/service_token.", null),
        bad("PATCH on settings", "PATCH", BASE + "/settings", JSON, "{}", 405,
            "The method PATCH is not allowed on /v1/teams/Your_OPA_Team/settings.", null),
        bad("unknown team", "GET", "/v1/teams/No_Such_Team/servers", null, null, 401,
            "The bearer token is for another team than No_Such_Team.", "Authorization"));
  }

  private static Arguments bad(String name, String method, String path, String contentType, String body, int status,
      String message, String location) {
    return Arguments.of(new Case(name, method, path, contentType, body, status, message, location));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersWithErrorBody(Case request) {
    TestHttp http = TestHttp.request(server, request.method(), request.path()).bearer(admin);
    if (request.contentType() != null) {
      http.header("Content-Type", request.contentType());
    }
    if (request.body() != null) {
      http.body(request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    TestHttp.Answer answer = http.send();

    JsonNode json = answer.json();
    assertThat(answer.status()).isEqualTo(request.status());
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(json.get("message").asText()).isEqualTo(request.message());
    assertThat(json.get("code").asInt()).isEqualTo(request.status());
    assertThat(json.get("error").asText()).isNotBlank();
    if (WHOLE_BODY.equals(request.location())) {
      assertThat(json.at("/error_cause/0").has("location")).isFalse();
      assertThat(json.at("/error_cause/0/location_type").asText()).isEqualTo("body");
    } else if (request.location() != null) {
      assertThat(json.at("/error_cause/0/location").asText()).isEqualTo(request.location());
    }
    assertThat(answer.body()).doesNotContain("java.", "dev.opateams", "jakarta.", "Exception", "\tat ");
  }

  @Test
  void malformedJsonCauseCarriesPosition() {
    TestHttp.Answer answer = TestHttp.request(server, "POST", TOKEN_PATH).json("{\"key_id\":\"abc").send();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error_cause").toString())
        .isEqualTo("[{\"error\":\"body: is not valid JSON at line 1, column 15\",\"location_type\":\"body\"}]");
  }

  @Test
  void emptyBodyCauseHasNoLocation() {
    TestHttp.Answer answer = TestHttp.request(server, "POST", TOKEN_PATH).json("").send();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error_cause").toString())
        .isEqualTo("[{\"error\":\"body: is missing\",\"location_type\":\"body\"}]");
  }

  @Test
  void nonObjectBodyCauseHasNoLocation() {
    TestHttp.Answer answer = TestHttp.request(server, "POST", TOKEN_PATH).json("[]").send();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error_cause").toString())
        .isEqualTo("[{\"error\":\"body: must be a JSON object\",\"location_type\":\"body\"}]");
  }
}
