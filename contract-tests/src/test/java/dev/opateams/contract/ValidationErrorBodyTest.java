package dev.opateams.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-test server rejects constraint violations with 400 and an error
 * body that names each invalid value by its name on the wire.
 */
class ValidationErrorBodyTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final InTestTeamsService service = new InTestTeamsService();
  private static final BodyValidationInterceptor bodyValidation = new BodyValidationInterceptor();
  private static EmbeddedTeamsServer server;

  @BeforeAll
  static void startServer() {
    server = EmbeddedTeamsServer.start(service, new InvalidJsonMapper(), new ConstraintViolationMapper(),
        bodyValidation);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    bodyValidation.close();
  }

  @Test
  void bodyPropertyNamedByJsonName() throws Exception {
    HttpResponse<String> response = send("PUT", "/settings", "{\"client_session_duration\":10}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"code\":400,\"error\":\"invalid_request\",\"error_cause\":[{"
        + "\"error\":\"must be greater than or equal to 3600\",\"location_type\":\"body\","
        + "\"location\":\"client_session_duration\"}],"
        + "\"message\":\"client_session_duration: must be greater than or equal to 3600\"}");
  }

  @Test
  void everyViolationListedInNameOrder() throws Exception {
    String url = "https://intranet.example.com/" + "a".repeat(8097 - 29);

    HttpResponse<String> response = send("PUT", "/settings",
        "{\"web_session_duration\":90001,\"post_login_url\":\"" + url + "\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"code\":400,\"error\":\"invalid_request\",\"error_cause\":["
        + "{\"error\":\"size must be between 0 and 8096\",\"location_type\":\"body\",\"location\":\"post_login_url\"},"
        + "{\"error\":\"must be less than or equal to 90000\",\"location_type\":\"body\","
        + "\"location\":\"web_session_duration\"}],"
        + "\"message\":\"post_login_url: size must be between 0 and 8096; "
        + "web_session_duration: must be less than or equal to 90000\"}");
  }

  @Test
  void queryParameterNamedByWireName() throws Exception {
    HttpResponse<String> response = send("GET", "/servers?count=0", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"code\":400,\"error\":\"invalid_request\",\"error_cause\":[{"
        + "\"error\":\"must be greater than or equal to 1\",\"location_type\":\"query\",\"location\":\"count\"}],"
        + "\"message\":\"count: must be greater than or equal to 1\"}");
  }

  @Test
  void missingRequiredPropertyNamed() throws Exception {
    HttpResponse<String> response = send("POST", "/checkin_resource", "{\"resource_id\":\"abc\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"code\":400,\"error\":\"invalid_request\",\"error_cause\":[{"
        + "\"error\":\"must not be null\",\"location_type\":\"body\",\"location\":\"resource_type\"}],"
        + "\"message\":\"resource_type: must not be null\"}");
  }

  private static HttpResponse<String> send(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/teams/Your_OPA_Team" + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
