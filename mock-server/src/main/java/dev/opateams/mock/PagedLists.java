package dev.opateams.mock;

import dev.opateams.server.model.CheckedOutResourceList;
import dev.opateams.server.model.ServerList;

/**
 * List responses that also carry their page's neighbours, so that
 * {@link RequestLifecycleFilter} can write the {@code Link} header. The
 * extra fields have no getters and are not serialized.
 */
final class PagedLists {

  private PagedLists() {
  }

  /** A response with paging links. */
  interface Paged {
    Paging.Page<?> page();
  }

  /** A page of servers that {@link ServerListWriter} writes from the servers' pre-rendered JSON. */
  static final class PagedServerList extends ServerList implements Paged {
    private final transient Paging.Page<MockState.StoredServer> page;
    private final transient boolean labels;

    PagedServerList(Paging.Page<MockState.StoredServer> page, boolean labels) {
      this.page = page;
      this.labels = labels;
      setList(page.items().stream().map(server -> server.model(labels)).toList());
    }

    @Override
    public Paging.Page<MockState.StoredServer> page() {
      return page;
    }

    boolean labels() {
      return labels;
    }
  }

  static final class PagedCheckedOutResourceList extends CheckedOutResourceList implements Paged {
    private final transient Paging.Page<?> page;

    PagedCheckedOutResourceList(Paging.Page<?> page) {
      this.page = page;
    }

    @Override
    public Paging.Page<?> page() {
      return page;
    }
  }
}
