package dev.opateams.mock;

import static dev.opateams.mock.TestHttp.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * listServers filters against the default seed, whose servers are
 * analytics-01 (gce, INACTIVE), db-01 (aws, bastion, alt names),
 * dc-01.corp.example.internal (unmanaged AD server, credential issuance on),
 * legacy-01 (unmanaged, credential issuance off) and web-01.example.internal.
 */
class ServerFiltersTest {

  private static final String SERVERS = "/v1/teams/" + TEAM + "/servers";

  private static MockServer server;
  private static String token;

  @BeforeAll
  static void start() {
    server = MockServer.builder().build().start();
    token = TestHttp.token(server, "demo-end-user");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @ParameterizedTest(name = "query [{0}]")
  @CsvSource(delimiter = '|', value = {
      "''                                        | analytics-01,db-01,dc-01.corp.example.internal,legacy-01,web-01.example.internal",
      "hostname=WEB                              | web-01.example.internal",
      "hostname=01                               | analytics-01,db-01,dc-01.corp.example.internal,legacy-01,web-01.example.internal",
      "alt_names_contains=db-01.example.internal | db-01",
      "alt_names_contains=db                     | ''",
      "bastion=bastion.example.internal          | db-01",
      "canonical_name=db-01                      | db-01",
      "cloud_provider=aws                        | db-01",
      "cloud_provider=gce                        | analytics-01",
      "cloud_account=123456789012                | db-01",
      "cloud_account=analytics-prod-4711         | analytics-01",
      "instance_id=i-0abc123def4567890           | db-01",
      "project_name=web-servers                  | legacy-01,web-01.example.internal",
      "state=INACTIVE                            | analytics-01",
      "state=ACTIVE                              | db-01,dc-01.corp.example.internal,legacy-01,web-01.example.internal",
      "managed=false                             | dc-01.corp.example.internal,legacy-01",
      "managed=true                              | analytics-01,db-01,web-01.example.internal",
      "credentialed=true                         | dc-01.corp.example.internal",
      "credentialed=false                        | legacy-01",
      "AdServers=true                            | dc-01.corp.example.internal",
      "AdServers=false                           | analytics-01,db-01,legacy-01,web-01.example.internal",
      "selector=env%3Dproduction                 | db-01,web-01.example.internal",
      "selector=env%3Dproduction%2Ctier%3Dweb    | web-01.example.internal",
      "selector=env%3Dnone                       | ''",
      "id=4a8e2c6b-0f1d-4e3a-9b5c-7d6e8f9a0b12   | db-01",
      "state=ACTIVE&managed=true&cloud_provider=aws | db-01",
  })
  void filterSelectsServers(String query, String expected) {
    TestHttp.Answer answer = TestHttp.get(server, SERVERS + "?" + query).bearer(token).send();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(String.join(",", hostnames(answer))).isEqualTo(expected);
  }

  @Test
  void labelsAreAbsentByDefault() {
    TestHttp.Answer answer = TestHttp.get(server, SERVERS + "?hostname=web").bearer(token).send();

    assertThat(answer.json().at("/list/0").has("labels")).isFalse();
    assertThat(answer.body()).doesNotContain("labels");
  }

  @Test
  void labelsArePresentWithIncludeLabels() {
    TestHttp.Answer answer = TestHttp.get(server, SERVERS + "?hostname=web&include_labels=true").bearer(token).send();

    assertThat(answer.json().at("/list/0/labels/tier").asText()).isEqualTo("web");
  }

  @Test
  void malformedSelectorIsRejected() {
    TestHttp.Answer answer = TestHttp.get(server, SERVERS + "?selector=env").bearer(token).send();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("selector: must be a comma-separated list of key=value pairs");
  }

  private static List<String> hostnames(TestHttp.Answer answer) {
    List<String> names = new ArrayList<>();
    for (JsonNode item : answer.json().get("list")) {
      names.add(item.get("hostname").asText());
    }
    return names;
  }
}
