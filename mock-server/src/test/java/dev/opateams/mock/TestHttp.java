package dev.opateams.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Raw HTTP against a mock server, for tests that need to send what no generated client would. */
final class TestHttp {

  static final String TEAM = "Your_OPA_Team";

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockServer server;
  private final List<String> headers = new ArrayList<>();
  private String method = "GET";
  private String path;
  private byte[] body;

  private TestHttp(MockServer server, String path) {
    this.server = server;
    this.path = path;
  }

  static TestHttp get(MockServer server, String path) {
    return new TestHttp(server, path);
  }

  static TestHttp request(MockServer server, String method, String path) {
    TestHttp request = new TestHttp(server, path);
    request.method = method;
    return request;
  }

  TestHttp header(String name, String value) {
    headers.add(name);
    headers.add(value);
    return this;
  }

  TestHttp bearer(String token) {
    return header("Authorization", "Bearer " + token);
  }

  TestHttp json(String json) {
    header("Content-Type", "application/json");
    return body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  TestHttp body(byte[] bytes) {
    this.body = bytes;
    return this;
  }

  Answer send() {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.size(); i += 2) {
      builder.header(headers.get(i), headers.get(i + 1));
    }
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Fetches a bearer token for the named service user of the default seed. */
  static String token(MockServer server, String serviceUser) {
    ServiceUserCredentials credentials = server.credentials(serviceUser);
    Answer answer = request(server, "POST", "/v1/teams/" + credentials.teamName() + "/service_token")
        .json("{\"key_id\":\"" + credentials.keyId() + "\",\"key_secret\":\"" + credentials.keySecret() + "\"}")
        .send();
    if (answer.status() != 200) {
      throw new AssertionError("createServiceToken answered " + answer.status() + ": " + answer.body());
    }
    return answer.json().get("bearer_token").asText();
  }

  /** A response with its body as text and, on demand, as JSON. */
  record Answer(HttpResponse<String> response) {

    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + response.body(), e);
      }
    }

    String message() {
      return json().path("message").asText();
    }
  }
}
