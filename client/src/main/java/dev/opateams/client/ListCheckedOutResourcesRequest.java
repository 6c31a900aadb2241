package dev.opateams.client;

/**
 * The filters of {@code listCheckedOutResources}. Every filter is optional; an unset filter is not
 * sent. Immutable and thread-safe.
 */
public final class ListCheckedOutResourcesRequest {

  private static final ListCheckedOutResourcesRequest ALL = builder().build();

  private final boolean onlyServerAccountPasswordLogins;
  private final Boolean includePendingCheckin;
  private final Boolean descending;
  private final Integer pageSize;

  private ListCheckedOutResourcesRequest(Builder builder) {
    this.onlyServerAccountPasswordLogins = builder.onlyServerAccountPasswordLogins;
    this.includePendingCheckin = builder.includePendingCheckin;
    this.descending = builder.descending;
    this.pageSize = builder.pageSize;
  }

  /** A request without filters. */
  public static ListCheckedOutResourcesRequest all() {
    return ALL;
  }

  /** Starts a builder without filters. */
  public static Builder builder() {
    return new Builder();
  }

  Integer pageSize() {
    return pageSize;
  }

  void addTo(QueryString query) {
    query.add("resource_type",
            onlyServerAccountPasswordLogins ? "server_account_password_login" : null)
        .add("include_pending_checkin", includePendingCheckin)
        .add("descending", descending);
  }

  @Override
  public String toString() {
    QueryString query = new QueryString();
    addTo(query);
    query.add("count", pageSize);
    return "ListCheckedOutResourcesRequest{" + query + "}";
  }

  /** Builds a {@link ListCheckedOutResourcesRequest}. Not thread-safe. */
  public static final class Builder {

    private boolean onlyServerAccountPasswordLogins;
    private Boolean includePendingCheckin;
    private Boolean descending;
    private Integer pageSize;

    private Builder() {
    }

    /**
     * Sends {@code resource_type=server_account_password_login}, the only filter value that the
     * API documents.
     */
    public Builder onlyServerAccountPasswordLogins() {
      this.onlyServerAccountPasswordLogins = true;
      return this;
    }

    /** {@code include_pending_checkin}: whether resources in checkin are included too. */
    public Builder includePendingCheckin(boolean includePendingCheckin) {
      this.includePendingCheckin = includePendingCheckin;
      return this;
    }

    /** {@code descending}: the order of the results. */
    public Builder descending(boolean descending) {
      this.descending = descending;
      return this;
    }

    /**
     * {@code count}: the number of resources per page, overriding the client's page size.
     *
     * @throws IllegalArgumentException if {@code pageSize} is less than 1
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = OpaTeamsClient.checkPageSize(pageSize);
      return this;
    }

    /** Builds the request. */
    public ListCheckedOutResourcesRequest build() {
      return new ListCheckedOutResourcesRequest(this);
    }
  }
}
