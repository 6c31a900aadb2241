package dev.opateams.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedTest {

  private static final String USER = "{\"name\":\"u\",\"key_id\":\"5d7f1c2e-8a3b-4c6d-9e0f-1a2b3c4d5e6f\","
      + "\"key_secret\":\"s\",\"roles\":[\"end_user\"]}";

  @Test
  void exampleFileLoads() {
    Seed seed = Seed.fromFile(Path.of("seed-example.json"));

    assertThat(seed.firstServiceUser().teamName()).isEqualTo("Example_Team");
  }

  @Test
  void exampleFileServesPublicKeysOnly() {
    try (MockServer server = MockServer.builder().seed(Seed.fromFile(Path.of("seed-example.json"))).build().start()) {
      String token = TestHttp.token(server, server.demoCredentials().name());

      TestHttp.Answer answer = TestHttp.get(server, "/v1/teams/Example_Team/vault/jwks.json").bearer(token).send();

      JsonNode keys = answer.json().get("keys");
      assertThat(keys).hasSize(2);
      for (JsonNode key : keys) {
        for (String member : new String[] {"d", "p", "q", "dp", "dq", "qi", "k"}) {
          assertThat(key.has(member)).as(key.get("kid").asText() + " " + member).isFalse();
        }
      }
      assertThat(answer.body()).doesNotContain("\"oct\"");
    }
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "{}                                                 | In test: teams must be a non-empty array.",
      "{\"teams\":[],\"extra\":1}                         | In test: extra is not a known property; expected one of [teams].",
      "{\"teams\":[{}]}                                   | In test: teams[0].name is required.",
      "{\"teams\":[{\"name\":\"a b\"}]}                   | In test: teams[0].name must contain only letters, digits, '_', '.' and '-'.",
      "{\"teams\":[{\"name\":\"A\"},{\"name\":\"A\"}]}    | In test: teams[1].name repeats the team name 'A'.",
      "{\"teams\":[{\"name\":\"A\",\"servers\":[{\"id\":\"00000000-0000-4000-8000-000000000001\",\"project_name\":\"p\"}]}]} | In test: teams[0].servers[0].hostname is required.",
      "{\"teams\":[{\"name\":\"A\",\"num_groups\":-1}]}   | In test: teams[0].num_groups must be a non-negative integer.",
      "{\"teams\":[{\"name\":\"A\",\"settings\":{\"team\":\"A\"}}]} | In test: teams[0].settings.team is taken from the team's name; leave it out.",
      "{\"teams\":[{\"name\":\"A\",\"service_users\":[{\"name\":\"u\",\"key_id\":\"5d7f1c2e-8a3b-4c6d-9e0f-1a2b3c4d5e6f\",\"key_secret\":\"\"}]}]} | In test: teams[0].service_users[0].key_secret must be 1 to 512 characters long.",
      "{\"teams\":[{\"name\":\"A\",\"service_users\":[{\"name\":\"u\",\"key_id\":\"5d7f1c2e-8a3b-4c6d-9e0f-1a2b3c4d5e6f\",\"key_secret\":\"s\",\"colour\":1}]}]} | In test: teams[0].service_users[0].colour is not a known property; expected one of [checked_out_resources, key_id, key_secret, name, roles].",
  })
  void invalidSeedIsReported(String json, String message) {
    assertThatThrownBy(() -> Seed.fromJson("test", json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void repeatedKeyIdIsReported() {
    String json = "{\"teams\":[{\"name\":\"A\",\"service_users\":[" + USER + "," + USER + "]}]}";

    assertThatThrownBy(() -> Seed.fromJson("test", json))
        .hasMessage("In test: teams[0].service_users[1].key_id repeats the key ID 5d7f1c2e-8a3b-4c6d-9e0f-1a2b3c4d5e6f.");
  }

  @Test
  void unknownRoleIsReported() {
    String json = "{\"teams\":[{\"name\":\"A\",\"service_users\":[" + USER.replace("end_user", "superuser") + "]}]}";

    assertThatThrownBy(() -> Seed.fromJson("test", json))
        .hasMessageStartingWith("In test: teams[0].service_users[0].roles[0] is invalid (");
  }

  @Test
  void malformedJsonIsReported() {
    assertThatThrownBy(() -> Seed.fromJson("test", "{\"teams\": ["))
        .hasMessage("In test: not valid JSON at line 1, column 12.");
  }
}
