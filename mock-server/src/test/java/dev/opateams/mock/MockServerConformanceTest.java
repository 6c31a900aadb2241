package dev.opateams.mock;

import dev.opateams.client.api.ServiceTokenApi;
import dev.opateams.client.invoker.ApiClient;
import dev.opateams.client.model.CheckinRequest;
import dev.opateams.client.model.CheckoutResourceType;
import dev.opateams.client.model.ServiceTokenRequest;
import dev.opateams.contract.TeamsApiConformanceTest;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the spec conformance suite against the mock server with the default
 * seed. The suite validates every request and response with Atlassian's
 * validator; the token is a real one, issued by the mock for demo-admin,
 * who has every role.
 */
class MockServerConformanceTest extends TeamsApiConformanceTest {

  private static MockServer server;
  private static ServiceUserCredentials admin;
  private static String token;
  private static String nextPageOffset;

  @BeforeAll
  static void startServer() {
    server = MockServer.builder().port(0).build().start();
    admin = server.credentials("demo-admin");
    ApiClient anonymous = new ApiClient().setBasePath(server.baseUri().toString());
    token = anonymous.buildClient(ServiceTokenApi.class)
        .createServiceToken(admin.teamName(), new ServiceTokenRequest().keyId(admin.keyId()).keySecret(admin.keySecret()))
        .getBearerToken();
    nextPageOffset = nextPageOffset(TestHttp.get(server, "/v1/teams/" + admin.teamName() + "/servers?count=1")
        .bearer(token).send().header("Link"));
  }

  private static String nextPageOffset(String link) {
    Matcher next = Pattern.compile("[?&]offset=([^&>]+)[^>]*>; rel=\"next\"").matcher(String.valueOf(link));
    if (!next.find()) {
      throw new AssertionError("the first page of servers has no next link: " + link);
    }
    return next.group(1);
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  /** checkinResource removes the seed's resource, and updateTeamSettings changes the settings. */
  @BeforeEach
  void restoreSeed() {
    server.reset();
  }

  @Override
  protected URI baseUri() {
    return server.baseUri();
  }

  @Override
  protected String bearerToken() {
    return token;
  }

  @Override
  protected String teamName() {
    return admin.teamName();
  }

  @Override
  protected UUID serviceKeyId() {
    return admin.keyId();
  }

  @Override
  protected String serviceKeySecret() {
    return admin.keySecret();
  }

  /** The mock accepts only offsets that it issued, as the spec allows. */
  @Override
  protected String pageOffset() {
    return nextPageOffset;
  }

  /** A resource that demo-admin has checked out in the default seed. */
  @Override
  protected CheckinRequest checkedOutResource() {
    return new CheckinRequest()
        .resourceId("3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11")
        .resourceType(CheckoutResourceType.SERVER_ACCOUNT_PASSWORD_LOGIN);
  }
}
