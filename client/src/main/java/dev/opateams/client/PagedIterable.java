package dev.opateams.client;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a list operation across all its pages. Nothing is fetched until iteration starts;
 * then one page is requested at a time, following the {@code Link} header's {@code rel="next"}
 * URL until a response has none. Only the current page is held in memory, plus the URLs already
 * followed, which detect a server that links back to an earlier page.
 *
 * <p>Every call to {@link #iterator()} or {@link #stream()} starts again from the first page. The
 * object itself is immutable; each iterator or stream must be used by one thread at a time.
 *
 * <p>Iteration throws {@link OpaApiException} for an error response and {@link OpaTeamsException}
 * when a next link repeats an earlier one, leaves the origin of the base URL, or leaves the
 * operation's path.
 *
 * @param <T> the item type, a generated model class
 */
public final class PagedIterable<T> implements Iterable<T> {

  private final Supplier<Iterator<T>> iterators;

  PagedIterable(Supplier<Iterator<T>> iterators) {
    this.iterators = iterators;
  }

  @Override
  public Iterator<T> iterator() {
    return iterators.get();
  }

  /** Returns a sequential, lazy stream of the items. */
  public Stream<T> stream() {
    int characteristics = Spliterator.ORDERED | Spliterator.NONNULL;
    return StreamSupport.stream(
        () -> Spliterators.spliteratorUnknownSize(iterator(), characteristics),
        characteristics, false);
  }
}
