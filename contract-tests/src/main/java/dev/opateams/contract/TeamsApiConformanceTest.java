package dev.opateams.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opateams.client.api.ServiceTokenApi;
import dev.opateams.client.api.TeamsApi;
import dev.opateams.client.invoker.ApiClient;
import dev.opateams.client.model.CheckinRequest;
import dev.opateams.client.model.CheckoutResourceType;
import dev.opateams.client.model.ServiceTokenRequest;
import dev.opateams.client.model.TeamSettingsUpdate;
import feign.FeignException;
import feign.http2client.Http2Client;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A JUnit 5 suite that calls every operation of the Teams API through the
 * generated client against a running server, and validates each request as
 * sent and each response as received against the spec with
 * {@link SpecTrafficValidator}. It also checks that the server rejects values
 * outside the spec's constraints with 400 and an error body that names the
 * JSON field.
 *
 * <p>To run it against your implementation of the server stubs, extend it
 * and return the server's base URI and a bearer token that the server
 * accepts:
 *
 * <pre>{@code
 * class MyServerConformanceTest extends TeamsApiConformanceTest {
 *   @Override
 *   protected URI baseUri() {
 *     return URI.create("http://127.0.0.1:" + MyServer.port());
 *   }
 *
 *   @Override
 *   protected String bearerToken() {
 *     return MyServer.testToken();
 *   }
 * }
 * }</pre>
 *
 * <p>The server must return a success status for each call, so its data must
 * contain what the other hooks name: the team, an API key for
 * createServiceToken and a resource checked out by the token's user for
 * checkinResource. Override them when the defaults do not fit.
 */
public abstract class TeamsApiConformanceTest {

  private static final SpecTrafficValidator VALIDATOR = SpecTrafficValidator.forTeamsApi();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The longest URL the spec allows in the settings' URL fields. */
  private static final int MAX_URL_LENGTH = 8096;

  private RecordingFeignClient recorder;
  private TeamsApi teams;
  private ServiceTokenApi serviceTokens;

  /** Returns the base URI of the server under test, such as {@code http://127.0.0.1:8080}. */
  protected abstract URI baseUri();

  /** Returns a bearer token that the server accepts for every operation but createServiceToken. */
  protected abstract String bearerToken();

  /** Returns the team that every call names. */
  protected String teamName() {
    return "Your_OPA_Team";
  }

  /** Returns the ID of an API key that the server exchanges for a token. */
  protected UUID serviceKeyId() {
    return UUID.fromString("0e7c3a2f-5b8d-4c1e-9a6f-3d2b1c0e9f87");
  }

  /** Returns the secret of the API key named by {@link #serviceKeyId()}. */
  protected String serviceKeySecret() {
    return "example-secret-do-not-use";
  }

  /** Returns a resource that the token's user has checked out, for checkinResource. */
  protected CheckinRequest checkedOutResource() {
    return new CheckinRequest()
        .resourceId("3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11")
        .resourceType(CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN);
  }

  /**
   * Returns a page offset that the server accepts in the {@code offset}
   * parameter of listServers and listCheckedOutResources. The spec calls
   * offsets opaque and requires clients to take them from a Link header, so a
   * server may reject one it did not issue; override this to return an
   * offset from your server's Link header.
   */
  protected String pageOffset() {
    return "b2Zmc2V0";
  }

  @BeforeEach
  final void buildClients() {
    URI baseUri = baseUri();
    recorder = new RecordingFeignClient(new Http2Client(), baseUri);

    ApiClient authenticated = new ApiClient("bearerAuth").setBasePath(baseUri.toString());
    authenticated.setBearerToken(bearerToken());
    authenticated.getFeignBuilder().client(recorder);
    teams = authenticated.buildClient(TeamsApi.class);

    ApiClient anonymous = new ApiClient().setBasePath(baseUri.toString());
    anonymous.getFeignBuilder().client(recorder);
    serviceTokens = anonymous.buildClient(ServiceTokenApi.class);
  }

  @Test
  void listCheckedOutResourcesWithEveryParameter() {
    teams.listCheckedOutResources(teamName(), "server_account_password_login", true, 2, false, pageOffset(), false);

    assertConforms(recorder.takeLast(), 200);
  }

  @Test
  void listCheckedOutResourcesWithQueryParameterObject() {
    teams.listCheckedOutResources(teamName(), new TeamsApi.ListCheckedOutResourcesQueryParams()
        .resourceType("server_account_password_login").includePendingCheckin(false).count(100).descending(true)
        .offset(pageOffset()).prev(true));

    assertConforms(recorder.takeLast(), 200);
  }

  @Test
  void checkinResource() {
    teams.checkinResource(teamName(), checkedOutResource());

    assertConforms(recorder.takeLast(), 204);
  }

  @Test
  void listRoles() {
    teams.listRoles(teamName());

    assertConforms(recorder.takeLast(), 200);
  }

  @Test
  void listServersWithEveryParameter() {
    teams.listServers(teamName(), false, "db-01", "bastion.example.internal", "db-01", "123456789012", "aws",
        50, false, true, "db", "4a8e2c6b-0f1d-4e3a-9b5c-7d6e8f9a0b12", "i-0abc123def4567890", true, pageOffset(),
        false, "databases", "ACTIVE", "env=production,tier=database", true);

    assertConforms(recorder.takeLast(), 200);
  }

  @Test
  void listServersWithQueryParameterObject() {
    teams.listServers(teamName(), new TeamsApi.ListServersQueryParams()
        .adServers(false).altNamesContains("db-01").bastion("bastion.example.internal").canonicalName("db-01")
        .cloudAccount("123456789012").cloudProvider("gce").count(10).credentialed(true).descending(false)
        .hostname("web").id("9d2c1f0e-7b4a-4e55-a1c3-6f8e2d4b5c60").instanceId("i-0abc123def4567890")
        .managed(false).offset(pageOffset()).prev(true).projectName("web servers").state("INACTIVE")
        .selector("env=production").includeLabels(false));

    assertConforms(recorder.takeLast(), 200);
  }

  @Test
  void getTeamSettings() {
    teams.getTeamSettings(teamName());

    assertConforms(recorder.takeLast(), 200);
  }

  @Test
  void updateTeamSettingsWithEveryField() {
    TeamSettingsUpdate update = new TeamSettingsUpdate()
        .approveDeviceWithoutInteraction(true)
        .clientSessionDuration(3600)
        .webSessionDuration(90000)
        .postDeviceEnrollmentUrl("https://intranet.example.com/enrolled")
        .postLoginUrl("https://intranet.example.com/" + "a".repeat(MAX_URL_LENGTH - 29))
        .postLogoutUrl(null)
        .reactivateUsersViaIdp(false)
        .userProvisioningExactUsername(null);

    teams.updateTeamSettings(teamName(), update);

    HttpExchange exchange = recorder.takeLast();
    assertConforms(exchange, 200, 204);
  }

  @Test
  void getTeamStats() {
    teams.getTeamStats(teamName());

    assertConforms(recorder.takeLast(), 200);
  }

  @Test
  void getVaultJwks() {
    teams.getVaultJwks(teamName());

    assertConforms(recorder.takeLast(), 200);
  }

  @Test
  void createServiceTokenWithoutAuthorization() {
    serviceTokens.createServiceToken(teamName(),
        new ServiceTokenRequest().keyId(serviceKeyId()).keySecret(serviceKeySecret()));

    HttpExchange exchange = recorder.takeLast();
    assertEquals(null, exchange.requestHeader("Authorization"), "createServiceToken sent an Authorization header");
    assertConforms(exchange, 200);
  }

  @Test
  void rejectsSessionDurationBelowMinimum() {
    HttpExchange exchange = callWithInvalidValue(() -> teams.updateTeamSettings(teamName(),
        new TeamSettingsUpdate().clientSessionDuration(10)));

    assertRejected(exchange, "client_session_duration");
  }

  @Test
  void rejectsUrlLongerThanMaxLength() {
    String url = "https://intranet.example.com/" + "a".repeat(MAX_URL_LENGTH + 1 - 29);

    HttpExchange exchange = callWithInvalidValue(() -> teams.updateTeamSettings(teamName(),
        new TeamSettingsUpdate().postLoginUrl(url)));

    assertRejected(exchange, "post_login_url");
  }

  @Test
  void rejectsPageCountBelowMinimum() {
    HttpExchange exchange = callWithInvalidValue(() ->
        teams.listServers(teamName(), new TeamsApi.ListServersQueryParams().count(0)));

    assertRejected(exchange, "count");
  }

  @Test
  void rejectsCheckinWithEmptyResourceId() {
    CheckinRequest checkin = new CheckinRequest().resourceId("").resourceType(CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN);

    HttpExchange exchange = callWithInvalidValue(() -> teams.checkinResource(teamName(), checkin));

    assertRejected(exchange, "resource_id");
  }

  /** Makes a call that the server should reject, and returns the exchange whatever the outcome. */
  private HttpExchange callWithInvalidValue(Runnable call) {
    try {
      call.run();
    } catch (FeignException expected) {
      // Feign throws for every status of 300 and above; the recorded exchange is checked instead.
    }
    return recorder.takeLast();
  }

  /**
   * Asserts that the request was outside the spec, and that the server
   * returned 400 with a body that matches the spec and names the field by
   * its JSON name in {@code error_cause[].location} or {@code errors[].path}.
   */
  private static void assertRejected(HttpExchange exchange, String jsonField) {
    assertFalse(VALIDATOR.validateRequest(exchange).isEmpty(),
        "the test request should be outside the spec, but the validator accepted it: " + exchange);
    assertEquals(400, exchange.status(), () -> "the server did not reject the invalid value of " + jsonField
        + " with 400: " + exchange + ", body: " + abbreviate(exchange.responseBody()));
    assertNoErrors("response", exchange, VALIDATOR.validateResponse(exchange));

    JsonNode body = parse(exchange);
    boolean named = false;
    for (JsonNode cause : body.path("error_cause")) {
      named |= jsonField.equals(cause.path("location").asText());
    }
    for (JsonNode error : body.path("errors")) {
      named |= jsonField.equals(error.path("path").asText());
    }
    assertTrue(named, () -> "the 400 body of " + exchange + " does not name the field " + jsonField
        + " in error_cause[].location or errors[].path: " + abbreviate(exchange.responseBody()));
    for (String javaName : List.of("dev.opateams", "arg0", "arg1", "Exception")) {
      assertFalse(exchange.responseBody().contains(javaName), () -> "the 400 body of " + exchange
          + " shows the Java detail \"" + javaName + "\": " + abbreviate(exchange.responseBody()));
    }
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "... (" + body.length() + " characters)";
  }

  private static JsonNode parse(HttpExchange exchange) {
    try {
      return JSON.readTree(exchange.responseBody());
    } catch (JsonProcessingException e) {
      return fail("the body of " + exchange + " is not JSON: " + abbreviate(exchange.responseBody()), e);
    }
  }

  /**
   * Asserts that the exchange has one of the expected statuses, that request
   * and response match the spec, and that a request other than
   * createServiceToken carried the bearer token.
   */
  private void assertConforms(HttpExchange exchange, Integer... expectedStatuses) {
    if (!exchange.path().endsWith("/service_token")) {
      // assertTrue rather than assertEquals, whose message would show the token.
      assertTrue(("Bearer " + bearerToken()).equals(exchange.requestHeader("Authorization")),
          () -> "the request of " + exchange + " did not carry the bearer token in Authorization");
    }
    assertTrue(Set.of(expectedStatuses).contains(exchange.status()),
        () -> "status of " + exchange + ": expected one of " + List.of(expectedStatuses)
            + ", body: " + abbreviate(exchange.responseBody()));
    assertNoErrors("request", exchange, VALIDATOR.validateRequest(exchange));
    assertNoErrors("response", exchange, VALIDATOR.validateResponse(exchange));
  }

  private static void assertNoErrors(String part, HttpExchange exchange, List<String> errors) {
    if (!errors.isEmpty()) {
      fail("the " + part + " of " + exchange + " does not match the spec:\n  " + String.join("\n  ", errors));
    }
  }
}
