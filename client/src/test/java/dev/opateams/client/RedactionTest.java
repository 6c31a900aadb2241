package dev.opateams.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void keySecretValueIsReplaced() {
    String json = "{\"key_id\":\"k\",\"key_secret\":\"abc\\\"def\"}";

    String redacted = Redaction.redactJson(json);

    assertThat(redacted).isEqualTo("{\"key_id\":\"k\",\"key_secret\":\"<redacted>\"}");
  }

  @Test
  void bearerTokenValueIsReplacedWithSpaces() {
    String json = "{ \"bearer_token\" : \"eyJ.x.y\", \"team_name\": \"T\" }";

    String redacted = Redaction.redactJson(json);

    assertThat(redacted).isEqualTo("{ \"bearer_token\" : \"<redacted>\", \"team_name\": \"T\" }");
  }

  @Test
  void unterminatedSecretIsReplaced() {
    String cut = "{\"bearer_token\":\"eyJhbGciOiJFUzI1NiJ9.eyJzdW";

    String redacted = Redaction.redactJson(cut);

    assertThat(redacted).isEqualTo("{\"bearer_token\":\"<redacted>\"");
  }

  @Test
  void nonStringSecretIsReplaced() {
    String json = "{\"key_secret\":12345}";

    String redacted = Redaction.redactJson(json);

    assertThat(redacted).isEqualTo("{\"key_secret\":\"<redacted>\"}");
  }

  @Test
  void otherFieldsAreKept() {
    String json = "{\"team_name\":\"T\",\"secret_note\":\"visible\"}";

    String redacted = Redaction.redactJson(json);

    assertThat(redacted).isEqualTo(json);
  }

  @Test
  void authorizationHeaderIsSecret() {
    assertThat(Redaction.isSecretHeader("Authorization")).isTrue();
    assertThat(Redaction.isSecretHeader("authorization")).isTrue();
    assertThat(Redaction.isSecretHeader("Accept")).isFalse();
  }
}
