package dev.opateams.mock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Cuts lists into pages. An offset is the position of a page boundary in
 * the list as ordered for the request (ascending, or descending), encoded so
 * that clients treat it as opaque. With {@code prev=true} the page ends at
 * the offset instead of starting there; {@code prev=true} without an offset
 * returns the last page.
 */
final class Paging {

  static final int DEFAULT_COUNT = 100;

  private static final String PREFIX = "pos:";

  private Paging() {
  }

  /** One page and the offsets of its neighbours; an offset is null when that neighbour does not exist. */
  record Page<T>(List<T> items, int count, String nextOffset, String previousOffset) {
  }

  static <T> Page<T> page(List<T> ascending, Integer count, Boolean descending, String offset, Boolean prev) {
    int size = ascending.size();
    int pageSize = count == null ? DEFAULT_COUNT : count;
    List<T> ordered = ascending;
    if (Boolean.TRUE.equals(descending)) {
      ordered = new ArrayList<>(ascending);
      Collections.reverse(ordered);
    }
    boolean backwards = Boolean.TRUE.equals(prev);
    int position;
    if (offset != null) {
      position = Math.min(decode(offset), size);
    } else if (backwards) {
      position = size;
    } else {
      position = 0;
    }

    int from = backwards ? Math.max(0, position - pageSize) : position;
    int to = backwards ? position : Math.min(size, position + pageSize);
    String next = to < size ? encode(to) : null;
    String previous = from > 0 ? encode(from) : null;
    return new Page<>(List.copyOf(ordered.subList(from, to)), pageSize, next, previous);
  }

  static String encode(int position) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
  }

  private static int decode(String offset) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(offset), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw invalidOffset();
    }
    if (!text.startsWith(PREFIX)) {
      throw invalidOffset();
    }
    try {
      int position = Integer.parseInt(text.substring(PREFIX.length()));
      if (position < 0) {
        throw invalidOffset();
      }
      return position;
    } catch (NumberFormatException e) {
      throw invalidOffset();
    }
  }

  private static ApiException invalidOffset() {
    return ApiException.invalid("query", "offset", "is not an offset from a Link header of this list");
  }
}
