package dev.opateams.mock;

import dev.opateams.server.model.CheckedOutResourceList;
import dev.opateams.server.model.ServerList;

/**
 * List answers that also carry their page's neighbours, so that
 * {@link RequestLifecycleFilter} can write the {@code Link} header. The
 * extra fields have no getters and are not serialized.
 */
final class PagedLists {

  private PagedLists() {
  }

  /** An answer with paging links. */
  interface Paged {
    Paging.Page<?> page();
  }

  static final class PagedServerList extends ServerList implements Paged {
    private final transient Paging.Page<?> page;

    PagedServerList(Paging.Page<?> page) {
      this.page = page;
    }

    @Override
    public Paging.Page<?> page() {
      return page;
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
