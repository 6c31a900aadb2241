package example;

import dev.opateams.client.ForbiddenException;
import dev.opateams.client.ListServersRequest;
import dev.opateams.client.OpaApiException;
import dev.opateams.client.OpaTeamsClient;
import dev.opateams.client.RetryPolicy;
import dev.opateams.client.SettingsUpdate;
import dev.opateams.client.model.Server;
import java.time.Duration;

public final class ListProductionServers {

  public static void main(String[] args) {
    try (OpaTeamsClient client = OpaTeamsClient.builder()
        .baseUrl("https://your-org.pam.okta.com")
        .teamName("Your_OPA_Team")
        .serviceUser(System.getenv("OPA_KEY_ID"), System.getenv("OPA_KEY_SECRET"))
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(20))
        .retryPolicy(RetryPolicy.builder()
            .maxRetries(5)
            .maxDelay(Duration.ofSeconds(60))
            .build())
        .build()) {

      // Pages are fetched one at a time while the stream is consumed.
      ListServersRequest production = ListServersRequest.builder()
          .selector("env=production")
          .includeLabels(true)
          .pageSize(200)
          .build();
      client.listServers(production).stream()
          .map(Server::getHostname)
          .forEach(System.out::println);

      // Absent settings stay unchanged; disable...() sends null.
      client.updateTeamSettings(SettingsUpdate.builder()
          .clientSessionDuration(Duration.ofHours(8))
          .disablePostLoginUrl()
          .build());
    } catch (ForbiddenException e) {
      System.err.println("A role is missing: " + e.errorMessage());
    } catch (OpaApiException e) {
      System.err.println(e.status() + " " + e.errorName() + ": " + e.getMessage());
    }
  }
}
