package dev.opateams.mock;

import static dev.opateams.mock.TestHttp.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension starts one server for the class and resets it before each test. */
@ExtendWith(MockServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MockServerExtensionTest {

  private static final String CHECKED_OUT = "/v1/teams/" + TEAM + "/checked_out_resources";
  private static MockServer firstServer;

  @Test
  @Order(1)
  void serverRunsOnLoopbackWithFreePort(MockServer server) {
    firstServer = server;

    assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.port()).isNotEqualTo(8080).isPositive();
    assertThat(server.demoCredentials().name()).isEqualTo("demo-admin");
    assertThat(server.demoCredentials().teamName()).isEqualTo(TEAM);
  }

  @Test
  @Order(2)
  void changesStayWithinOneTest(MockServer server) {
    String token = TestHttp.token(server, "demo-admin");

    TestHttp.Answer answer = TestHttp.request(server, "POST", "/v1/teams/" + TEAM + "/checkin_resource").bearer(token)
        .json("{\"resource_id\":\"3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11\","
            + "\"resource_type\":\"server_account_password_login\"}")
        .send();

    assertThat(answer.status()).isEqualTo(204);
    assertThat(TestHttp.get(server, CHECKED_OUT).bearer(token).send().json().get("list")).isEmpty();
  }

  @Test
  @Order(3)
  void nextTestSeesSeedAgain(MockServer server) {
    String token = TestHttp.token(server, "demo-admin");

    TestHttp.Answer answer = TestHttp.get(server, CHECKED_OUT).bearer(token).send();

    assertThat(answer.json().get("list")).hasSize(1);
    assertThat(server).isSameAs(firstServer);
  }

  @Nested
  class NestedClass {
    @Test
    void nestedTestsShareServer(MockServer server) {
      assertThat(server).isSameAs(firstServer);
      assertThat(TestHttp.get(server, "/openapi.yaml").send().status()).isEqualTo(200);
    }
  }

  @Test
  @Order(4)
  void credentialsHideSecret(MockServer server) {
    ServiceUserCredentials credentials = server.demoCredentials();

    assertThat(credentials.toString()).doesNotContain(credentials.keySecret()).contains("<redacted>");
  }
}
