package dev.opateams.client;

import static dev.opateams.client.Fixtures.TEAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opateams.client.ScriptedServer.Reply;
import dev.opateams.client.model.Server;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagingTest {

  private static final String SERVERS_LINE = "GET " + TEAM_PATH + "/servers";

  private ScriptedServer server;
  private OpaTeamsClient client;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    client = Fixtures.clientFor(server, new RecordingSleeper()).pageSize(2).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private String link(String query, String rel) {
    return "<" + server.baseUrl() + TEAM_PATH + "/servers?" + query + ">; rel=\"" + rel + "\"";
  }

  private static List<String> hostnames(PagedIterable<Server> servers) {
    return servers.stream().map(Server::getHostname).collect(Collectors.toList());
  }

  @Test
  void nextLinksAreFollowedUntilNoneIsLeft() {
    server.enqueue(SERVERS_LINE,
        Reply.json(200, Fixtures.serversJson(0, 2)).header("Link", link("count=2&offset=a1", "next")),
        Reply.json(200, Fixtures.serversJson(2, 2)).header("Link",
            link("count=2&offset=a1&prev=true", "prev") + ", " + link("count=2&offset=b2", "next")),
        Reply.json(200, Fixtures.serversJson(4, 1)));

    List<String> names = hostnames(client.listServers());

    assertThat(names).containsExactly("host-0", "host-1", "host-2", "host-3", "host-4");
    assertThat(server.requests().stream().map(ScriptedServer.Recorded::query))
        .containsExactly("count=2", "count=2&offset=a1", "count=2&offset=b2");
  }

  @Test
  void onlyPrevLinkEndsTheStream() {
    server.enqueue(SERVERS_LINE, Reply.json(200, Fixtures.serversJson(0, 1))
        .header("Link", link("count=2&offset=x&prev=true", "prev")));

    List<String> names = hostnames(client.listServers());

    assertThat(names).containsExactly("host-0");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void pagesAreFetchedOnlyWhenNeeded() {
    server.enqueue(SERVERS_LINE,
        Reply.json(200, Fixtures.serversJson(0, 2)).header("Link", link("offset=a1", "next")),
        Reply.json(200, Fixtures.serversJson(2, 2)));
    PagedIterable<Server> servers = client.listServers();
    assertThat(server.requests()).isEmpty();

    Iterator<Server> iterator = servers.iterator();
    iterator.next();
    iterator.next();

    assertThat(server.requests()).hasSize(1);
    assertThat(servers.stream().limit(1).count()).isEqualTo(1);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void iterableRestartsFromTheFirstPage() {
    server.always(SERVERS_LINE, request -> Reply.json(200, Fixtures.serversJson(0, 1)));
    PagedIterable<Server> servers = client.listServers();
    List<String> names = new ArrayList<>();

    for (Server first : servers) {
      names.add(first.getHostname());
    }
    for (Server again : servers) {
      names.add(again.getHostname());
    }

    assertThat(names).containsExactly("host-0", "host-0");
  }

  @Test
  void requestPageSizeOverridesClientPageSize() {
    server.enqueue(SERVERS_LINE, Reply.json(200, "{\"list\":[]}"));

    client.listServers(ListServersRequest.builder().pageSize(500).build()).stream().count();

    assertThat(server.requests().get(0).query()).isEqualTo("count=500");
  }

  @Test
  void relativeNextLinkIsResolved() {
    server.enqueue(SERVERS_LINE,
        Reply.json(200, Fixtures.serversJson(0, 1))
            .header("Link", "<" + TEAM_PATH + "/servers?offset=r1>; rel=\"next\""),
        Reply.json(200, Fixtures.serversJson(1, 1)));

    List<String> names = hostnames(client.listServers());

    assertThat(names).containsExactly("host-0", "host-1");
    assertThat(server.requests().get(1).query()).isEqualTo("offset=r1");
  }

  @Test
  void repeatedNextLinkFailsInsteadOfLooping() {
    String loop = link("count=2&offset=a1", "next");
    server.always(SERVERS_LINE,
        request -> Reply.json(200, Fixtures.serversJson(0, 2)).header("Link", loop));
    List<String> names = new ArrayList<>();

    assertThatThrownBy(() -> client.listServers().forEach(s -> names.add(s.getHostname())))
        .isInstanceOf(OpaTeamsException.class)
        .hasMessage("listServers sent a rel=\"next\" link to a page that was already requested, "
            + server.baseUrl() + TEAM_PATH + "/servers?count=2&offset=a1; stopped paging instead "
            + "of looping");
    assertThat(names).hasSize(4);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void nextLinkToAnotherHostIsNotFollowed() {
    server.enqueue(SERVERS_LINE, Reply.json(200, Fixtures.serversJson(0, 2))
        .header("Link", "<http://127.0.0.2:9/v1/teams/Test_Team/servers?offset=a1>; rel=\"next\""));

    assertThatThrownBy(() -> client.listServers().stream().count())
        .isInstanceOf(OpaTeamsException.class)
        .hasMessage("listServers sent a rel=\"next\" link to http://127.0.0.2:9, which is not the "
            + "origin of the base URL, http://127.0.0.1:" + server.baseUrl().split(":")[2]
            + "; the link was not followed");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void nextLinkToAnotherPortIsNotFollowed() {
    try (ScriptedServer other = ScriptedServer.start()) {
      server.enqueue(SERVERS_LINE, Reply.json(200, Fixtures.serversJson(0, 1))
          .header("Link", "<" + other.baseUrl() + TEAM_PATH + "/servers?offset=a1>; rel=\"next\""));

      assertThatThrownBy(() -> client.listServers().stream().count())
          .isInstanceOf(OpaTeamsException.class)
          .hasMessageContaining("which is not the origin of the base URL");
      assertThat(other.requests()).isEmpty();
    }
  }

  @Test
  void nextLinkToAnotherPathIsNotFollowed() {
    server.enqueue(SERVERS_LINE, Reply.json(200, Fixtures.serversJson(0, 1))
        .header("Link", "<" + TEAM_PATH + "/settings?offset=a1>; rel=\"next\""));

    assertThatThrownBy(() -> client.listServers().stream().count())
        .isInstanceOf(OpaTeamsException.class)
        .hasMessage("listServers sent a rel=\"next\" link to the path " + TEAM_PATH
            + "/settings instead of " + TEAM_PATH + "/servers; the link was not followed");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void linkHeaderParserFindsNextAmongOtherRelations() {
    String header = "<https://h/a?x=1,2>; rel=\"prev\", <https://h/b>; title=\"a, b\"; "
        + "rel=\"last next\"";

    String next = LinkHeader.findNext(List.of(header));

    assertThat(next).isEqualTo("https://h/b");
  }

  @Test
  void linkHeaderParserReturnsNullForPrevOnly() {
    String next = LinkHeader.findNext(List.of("<https://h/a>; rel=\"prev\""));

    assertThat(next).isNull();
  }

  @Test
  void listRolesFollowsNextLinks() {
    String rolesLine = "GET " + TEAM_PATH + "/roles";
    server.enqueue(rolesLine,
        Reply.json(200, "{\"list\":[{\"name\":\"end_user\"}]}")
            .header("Link", "<" + TEAM_PATH + "/roles?offset=r2>; rel=\"next\""),
        Reply.json(200, "{\"list\":[{\"name\":\"pam_admin\"}]}"));

    long count = client.listRoles().stream().count();

    assertThat(count).isEqualTo(2);
    assertThat(server.requests(rolesLine).get(1).query()).isEqualTo("offset=r2");
  }

  @Test
  void errorOnLaterPageIsThrownDuringIteration() {
    server.enqueue(SERVERS_LINE,
        Reply.json(200, Fixtures.serversJson(0, 2)).header("Link", link("offset=a1", "next")),
        Reply.json(404, "{\"code\":404,\"error\":\"resource_does_not_exist\"}"));
    Iterator<Server> iterator = client.listServers().iterator();
    iterator.next();
    iterator.next();

    assertThatThrownBy(iterator::hasNext)
        .isInstanceOf(NotFoundException.class)
        .hasMessage("listServers (GET /v1/teams/Test_Team/servers) failed with HTTP 404: "
            + "resource_does_not_exist");
  }

  @Test
  void failedPageIsFetchedAgainOnNextCall() {
    server.enqueue(SERVERS_LINE,
        Reply.json(200, Fixtures.serversJson(0, 1)).header("Link", link("offset=a1", "next")),
        Reply.json(404, "{\"code\":404,\"error\":\"resource_does_not_exist\"}"),
        Reply.json(200, Fixtures.serversJson(1, 1)));
    Iterator<Server> iterator = client.listServers().iterator();
    iterator.next();
    assertThatThrownBy(iterator::hasNext).isInstanceOf(NotFoundException.class);

    Server second = iterator.next();

    assertThat(second.getHostname()).isEqualTo("host-1");
    assertThat(server.requests()).hasSize(3);
  }
}
