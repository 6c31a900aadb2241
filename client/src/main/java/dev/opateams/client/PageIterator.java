package dev.opateams.client;

import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/** Walks the pages of one list request, fetching a page only when the previous one is used up. */
final class PageIterator<T> implements Iterator<T> {

  /** One decoded page and the URL of the next one, or {@code null} on the last page. */
  record Page<T>(List<T> items, URI next) {
  }

  private final Operation operation;
  private final Function<URI, Page<T>> fetch;
  private final Set<URI> requested = new HashSet<>();
  private URI next;
  private Iterator<T> current = List.<T>of().iterator();

  PageIterator(Operation operation, URI first, Function<URI, Page<T>> fetch) {
    this.operation = operation;
    this.fetch = fetch;
    this.next = first;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && next != null) {
      // The items of the page that carried the repeated link have been returned by now.
      if (requested.contains(next)) {
        throw new OpaTeamsException(operation.operationId() + " sent a rel=\"next\" link to a page"
            + " that was already requested, " + next + "; stopped paging instead of looping");
      }
      // Dropping the used-up page first keeps one decoded page alive instead of two while the
      // next one is fetched and decoded.
      current = List.<T>of().iterator();
      Page<T> page = fetch.apply(next);
      // Recorded only after success, so that hasNext() after a failed fetch tries the page again.
      requested.add(next);
      current = page.items().iterator();
      next = page.next();
    }
    return current.hasNext();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("No more " + operation.operationId() + " items");
    }
    return current.next();
  }
}
