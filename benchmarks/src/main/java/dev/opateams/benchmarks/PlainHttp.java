package dev.opateams.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opateams.client.invoker.ApiClient;
import dev.opateams.client.model.ServerList;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: what a caller writes by hand with {@code java.net.http} and Jackson, decoding into
 * the same generated models with the same mapper settings, without retries, validation or checks.
 */
final class PlainHttp {

  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");

  private final HttpClient httpClient = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ApiClient().getObjectMapper();
  private final String token;

  PlainHttp(String token) {
    this.token = token;
  }

  /** Fetches one page and returns it with the URL of the next page, or {@code null}. */
  Page fetch(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
    HttpResponse<byte[]> response =
        httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + uri);
    }
    ServerList servers = mapper.readValue(response.body(), ServerList.class);
    String link = response.headers().firstValue("Link").orElse(null);
    URI next = null;
    if (link != null) {
      Matcher matcher = NEXT_LINK.matcher(link);
      if (matcher.find()) {
        next = URI.create(matcher.group(1));
      }
    }
    return new Page(servers, next);
  }

  record Page(ServerList servers, URI next) {
  }
}
