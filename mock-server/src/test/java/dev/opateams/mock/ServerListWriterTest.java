package dev.opateams.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opateams.server.model.ServerList;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pre-rendered listServers response must be byte for byte what Jackson writes for the same model. */
class ServerListWriterTest {

  private final MockState.Team team = Seed.defaults().newState().team("Your_OPA_Team");

  @ParameterizedTest(name = "labels={0}")
  @ValueSource(booleans = {true, false})
  void writesWhatJacksonWrites(boolean labels) throws Exception {
    PagedLists.PagedServerList list = new PagedLists.PagedServerList(
        Paging.page(team.servers(), 3, true, null, null), labels);

    String written = write(list);

    ServerList model = new ServerList();
    model.setList(list.getList());
    assertThat(written).isEqualTo(Json.serverMapper().writeValueAsString(model));
    assertThat(written.contains("\"labels\"")).isEqualTo(labels);
  }

  @Test
  void writesEmptyList() throws Exception {
    PagedLists.PagedServerList list = new PagedLists.PagedServerList(
        Paging.page(java.util.List.of(), 10, false, null, null), false);

    assertThat(write(list)).isEqualTo("{\"list\":[]}");
  }

  private static String write(PagedLists.PagedServerList list) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ServerListWriter().writeTo(list, PagedLists.PagedServerList.class, PagedLists.PagedServerList.class,
        new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE, null, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
