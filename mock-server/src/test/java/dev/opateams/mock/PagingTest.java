package dev.opateams.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PagingTest {

  private static final String SERVERS = "/v1/teams/Paging_Team/servers";
  private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(next|prev)\"");

  private static MockServer server;
  private static String token;

  @BeforeAll
  static void start() {
    server = MockServer.builder().seed(TestSeeds.withServers(25)).build().start();
    token = TestHttp.token(server, "pager");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void firstPageHasNextLinkOnly() {
    TestHttp.Answer answer = get(SERVERS + "?count=10");

    assertThat(hostnames(answer)).containsExactly("host-000", "host-001", "host-002", "host-003", "host-004",
        "host-005", "host-006", "host-007", "host-008", "host-009");
    assertThat(links(answer)).containsOnlyKeys("next");
    assertThat(links(answer).get("next")).contains("count=10");
  }

  @Test
  void followingNextLinksVisitsEveryServerOnce() {
    List<String> seen = new ArrayList<>();
    String next = SERVERS + "?count=10";
    int pages = 0;
    while (next != null) {
      TestHttp.Answer answer = get(next);
      seen.addAll(hostnames(answer));
      String link = links(answer).get("next");
      next = link == null ? null : pathOf(link);
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    assertThat(seen.get(24)).isEqualTo("host-024");
  }

  @Test
  void lastPageHasPrevLinkOnly() {
    TestHttp.Answer second = get(pathOf(links(get(SERVERS + "?count=10")).get("next")));
    TestHttp.Answer last = get(pathOf(links(second).get("next")));

    assertThat(hostnames(last)).containsExactly("host-020", "host-021", "host-022", "host-023", "host-024");
    assertThat(links(last)).containsOnlyKeys("prev");
  }

  @Test
  void prevLinkReturnsPreviousPage() {
    TestHttp.Answer second = get(pathOf(links(get(SERVERS + "?count=10")).get("next")));

    String prev = links(second).get("prev");
    TestHttp.Answer first = get(pathOf(prev));

    assertThat(prev).contains("prev=true").contains("count=10");
    assertThat(hostnames(first)).first().isEqualTo("host-000");
    assertThat(hostnames(first)).hasSize(10);
    assertThat(links(first)).containsOnlyKeys("next");
  }

  @Test
  void descendingReversesOrderAndKeepsFlagInLinks() {
    TestHttp.Answer answer = get(SERVERS + "?count=3&descending=true");

    assertThat(hostnames(answer)).containsExactly("host-024", "host-023", "host-022");
    assertThat(links(answer).get("next")).contains("descending=true");
    assertThat(hostnames(get(pathOf(links(answer).get("next"))))).containsExactly("host-021", "host-020", "host-019");
  }

  @Test
  void linksKeepFilters() {
    TestHttp.Answer answer = get(SERVERS + "?count=5&selector=parity%3Deven&include_labels=true");

    assertThat(hostnames(answer)).containsExactly("host-000", "host-002", "host-004", "host-006", "host-008");
    TestHttp.Answer next = get(pathOf(links(answer).get("next")));
    assertThat(hostnames(next)).containsExactly("host-010", "host-012", "host-014", "host-016", "host-018");
  }

  @Test
  void defaultCountIsHundredAndLinksCarryIt() {
    MockServer big = MockServer.builder().seed(TestSeeds.withServers(150)).build().start();
    try {
      String bigToken = TestHttp.token(big, "pager");

      TestHttp.Answer answer = TestHttp.get(big, SERVERS).bearer(bigToken).send();

      assertThat(answer.json().get("list")).hasSize(100);
      assertThat(links(answer).get("next")).contains("count=100");
    } finally {
      big.stop();
    }
  }

  @Test
  void pageLargerThanResponseBufferIsComplete() {
    MockServer big = MockServer.builder().seed(TestSeeds.withServers(1000)).build().start();
    try {
      String bigToken = TestHttp.token(big, "pager");

      TestHttp.Answer answer = TestHttp.get(big, SERVERS + "?count=1000").bearer(bigToken).send();

      assertThat(answer.body().length()).isGreaterThan(96 * 1024);
      assertThat(answer.json().get("list")).hasSize(1000);
      assertThat(answer.header("Link")).isNull();
    } finally {
      big.stop();
    }
  }

  @Test
  void prevWithoutOffsetReturnsLastPage() {
    TestHttp.Answer answer = get(SERVERS + "?count=4&prev=true");

    assertThat(hostnames(answer)).containsExactly("host-021", "host-022", "host-023", "host-024");
    assertThat(links(answer)).containsOnlyKeys("prev");
  }

  @Test
  void countAboveMaximumIsRejected() {
    TestHttp.Answer answer = get(SERVERS + "?count=1001");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("count: must be between 1 and 1000");
  }

  @Test
  void countOfMaximumIsAccepted() {
    assertThat(get(SERVERS + "?count=1000").status()).isEqualTo(200);
  }

  @Test
  void forgedOffsetIsRejected() {
    TestHttp.Answer answer = get(SERVERS + "?offset=12");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("offset: is not an offset from a Link header of this list");
  }

  private static TestHttp.Answer get(String path) {
    TestHttp.Answer answer = TestHttp.get(server, path).bearer(token).send();
    return answer;
  }

  private static List<String> hostnames(TestHttp.Answer answer) {
    List<String> names = new ArrayList<>();
    for (JsonNode item : answer.json().get("list")) {
      names.add(item.get("hostname").asText());
    }
    return names;
  }

  private static java.util.Map<String, String> links(TestHttp.Answer answer) {
    java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
    String header = answer.header("Link");
    if (header == null) {
      return links;
    }
    Matcher matcher = LINK.matcher(header);
    while (matcher.find()) {
      links.put(matcher.group(2), matcher.group(1));
    }
    return links;
  }

  private static String pathOf(String url) {
    URI uri = URI.create(url);
    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
