package dev.opateams.contract;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Adds the rate-limit headers to every response, and a Link header with a
 * next and a previous page to every successful list response.
 */
final class PagingHeadersFilter implements ContainerResponseFilter {

  static final String NEXT_OFFSET = "c2VydmVyczoxMDA";
  static final String PREV_OFFSET = "c2VydmVyczow";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle("X-RateLimit-Limit", "1000");
    response.getHeaders().putSingle("X-RateLimit-Remaining", "999");
    response.getHeaders().putSingle("X-RateLimit-Reset", "1764496400");

    String path = request.getUriInfo().getPath();
    boolean isList = path.endsWith("/servers") || path.endsWith("/roles")
        || path.endsWith("/checked_out_resources");
    if (isList && response.getStatus() == 200) {
      String url = request.getUriInfo().getAbsolutePath().toString();
      response.getHeaders().putSingle("Link",
          "<" + url + "?count=2&offset=" + NEXT_OFFSET + ">; rel=\"next\", "
              + "<" + url + "?count=2&offset=" + PREV_OFFSET + "&prev=true>; rel=\"prev\"");
    }
  }
}
