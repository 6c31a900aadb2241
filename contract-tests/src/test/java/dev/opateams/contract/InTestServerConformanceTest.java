package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the reusable conformance suite against the in-test implementation of
 * the server stubs, and also validates each exchange as the server saw it:
 * the request as received and the response as sent.
 */
class InTestServerConformanceTest extends TeamsApiConformanceTest {

  private static final SpecTrafficValidator VALIDATOR = SpecTrafficValidator.forTeamsApi();
  private static final InTestTeamsService service = new InTestTeamsService();
  private static final ServerTrafficRecorder serverRecorder = new ServerTrafficRecorder();
  private static final BodyValidationInterceptor bodyValidation = new BodyValidationInterceptor();
  private static EmbeddedTeamsServer server;

  @BeforeAll
  static void startServer() {
    service.respond("listCheckedOutResources", Payloads.CHECKED_OUT_RESOURCES);
    service.respond("listRoles", Payloads.ROLES);
    service.respond("listServers", Payloads.SERVERS_DOCUMENTED);
    service.respond("getTeamSettings", Payloads.SETTINGS_DOCUMENTED);
    service.respond("getTeamStats", Payloads.STATS);
    service.respond("getVaultJwks", Payloads.JWKS);
    service.respond("createServiceToken", Payloads.SERVICE_TOKEN);
    server = EmbeddedTeamsServer.start(service, service.serviceTokenResource(), serverRecorder,
        new PagingHeadersFilter(), new InvalidJsonMapper(), new ConstraintViolationMapper(), bodyValidation);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    bodyValidation.close();
  }

  @Override
  protected URI baseUri() {
    return server.baseUri();
  }

  @Override
  protected String bearerToken() {
    return "eyJhbGciOiJFUzI1NiJ9.e30.c2lnbmF0dXJl";
  }

  /**
   * Validates what the server received and sent. A request that the suite
   * made invalid on purpose is left out; its response is still validated.
   */
  @AfterEach
  void validateServerSide() {
    List<HttpExchange> exchanges = serverRecorder.takeAll();
    assertThat(exchanges).as("exchanges recorded by the server").isNotEmpty();
    List<String> errors = new ArrayList<>();
    for (HttpExchange exchange : exchanges) {
      if (exchange.status() != 400) {
        VALIDATOR.validateRequest(exchange).forEach(error -> errors.add(exchange + " request as received: " + error));
      }
      VALIDATOR.validateResponse(exchange).forEach(error -> errors.add(exchange + " response as sent: " + error));
    }
    assertThat(errors).as("server-side validation errors").isEmpty();
  }
}
