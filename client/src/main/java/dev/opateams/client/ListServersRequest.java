package dev.opateams.client;

import dev.opateams.client.model.CloudProvider;
import dev.opateams.client.model.ServerState;

/**
 * The filters of {@code listServers}. Every filter is optional; an unset filter is not sent. New
 * filters are added as builder methods, so code written against this class keeps compiling.
 *
 * <p>Immutable and thread-safe. Paging parameters ({@code offset}, {@code prev}) are not here
 * because the client follows the server's links itself.
 */
public final class ListServersRequest {

  private static final ListServersRequest ALL = builder().build();

  private final Boolean adServers;
  private final String altNamesContains;
  private final String bastion;
  private final String canonicalName;
  private final String cloudAccount;
  private final CloudProvider cloudProvider;
  private final Boolean credentialed;
  private final Boolean descending;
  private final String hostname;
  private final String id;
  private final String instanceId;
  private final Boolean managed;
  private final String projectName;
  private final ServerState state;
  private final String selector;
  private final Boolean includeLabels;
  private final Integer pageSize;

  private ListServersRequest(Builder builder) {
    this.adServers = builder.adServers;
    this.altNamesContains = builder.altNamesContains;
    this.bastion = builder.bastion;
    this.canonicalName = builder.canonicalName;
    this.cloudAccount = builder.cloudAccount;
    this.cloudProvider = builder.cloudProvider;
    this.credentialed = builder.credentialed;
    this.descending = builder.descending;
    this.hostname = builder.hostname;
    this.id = builder.id;
    this.instanceId = builder.instanceId;
    this.managed = builder.managed;
    this.projectName = builder.projectName;
    this.state = builder.state;
    this.selector = builder.selector;
    this.includeLabels = builder.includeLabels;
    this.pageSize = builder.pageSize;
  }

  /** A request without filters: every Server available to the caller. */
  public static ListServersRequest all() {
    return ALL;
  }

  /** Starts a builder without filters. */
  public static Builder builder() {
    return new Builder();
  }

  /** The page size of this request, or {@code null} to use the client's. */
  Integer pageSize() {
    return pageSize;
  }

  /** Adds the filters, under their wire names, to {@code query}. */
  void addTo(QueryString query) {
    query.add("AdServers", adServers)
        .add("alt_names_contains", altNamesContains)
        .add("bastion", bastion)
        .add("canonical_name", canonicalName)
        .add("cloud_account", cloudAccount)
        .add("cloud_provider", cloudProvider == null ? null : cloudProvider.getValue())
        .add("credentialed", credentialed)
        .add("descending", descending)
        .add("hostname", hostname)
        .add("id", id)
        .add("instance_id", instanceId)
        .add("managed", managed)
        .add("project_name", projectName)
        .add("state", state == null ? null : state.getValue())
        .add("selector", selector)
        .add("include_labels", includeLabels);
  }

  @Override
  public String toString() {
    QueryString query = new QueryString();
    addTo(query);
    query.add("count", pageSize);
    return "ListServersRequest{" + query + "}";
  }

  /** Builds a {@link ListServersRequest}. Not thread-safe. */
  public static final class Builder {

    private Boolean adServers;
    private String altNamesContains;
    private String bastion;
    private String canonicalName;
    private String cloudAccount;
    private CloudProvider cloudProvider;
    private Boolean credentialed;
    private Boolean descending;
    private String hostname;
    private String id;
    private String instanceId;
    private Boolean managed;
    private String projectName;
    private ServerState state;
    private String selector;
    private Boolean includeLabels;
    private Integer pageSize;

    private Builder() {
    }

    /** {@code AdServers}: true for AD servers only, false for non-AD servers only. */
    public Builder adServers(boolean adServers) {
      this.adServers = adServers;
      return this;
    }

    /** {@code alt_names_contains}: Servers that have this alternate name. */
    public Builder altNamesContains(String altName) {
      this.altNamesContains = checkNotBlank(altName, "altNamesContains");
      return this;
    }

    /** {@code bastion}: Servers associated with this bastion. */
    public Builder bastion(String bastion) {
      this.bastion = checkNotBlank(bastion, "bastion");
      return this;
    }

    /** {@code canonical_name}: Servers with this canonical name. */
    public Builder canonicalName(String canonicalName) {
      this.canonicalName = checkNotBlank(canonicalName, "canonicalName");
      return this;
    }

    /** {@code cloud_account}: Servers associated with this cloud account. */
    public Builder cloudAccount(String cloudAccount) {
      this.cloudAccount = checkNotBlank(cloudAccount, "cloudAccount");
      return this;
    }

    /**
     * {@code cloud_provider}: Servers of this cloud provider.
     *
     * @throws IllegalArgumentException for {@code UNKNOWN_DEFAULT_OPEN_API}
     */
    public Builder cloudProvider(CloudProvider cloudProvider) {
      checkKnown(cloudProvider, CloudProvider.UNKNOWN_DEFAULT_OPEN_API, "cloudProvider");
      this.cloudProvider = cloudProvider;
      return this;
    }

    /** {@code credentialed}: unmanaged Servers with credential issuance on or off. */
    public Builder credentialed(boolean credentialed) {
      this.credentialed = credentialed;
      return this;
    }

    /** {@code descending}: the order of the results. */
    public Builder descending(boolean descending) {
      this.descending = descending;
      return this;
    }

    /** {@code hostname}: Servers whose hostname contains this text. */
    public Builder hostname(String hostname) {
      this.hostname = checkNotBlank(hostname, "hostname");
      return this;
    }

    /** {@code id}: Servers with these IDs; only for PAM administrative views. */
    public Builder id(String id) {
      this.id = checkNotBlank(id, "id");
      return this;
    }

    /** {@code instance_id}: Servers whose instance ID contains this text. */
    public Builder instanceId(String instanceId) {
      this.instanceId = checkNotBlank(instanceId, "instanceId");
      return this;
    }

    /** {@code managed}: managed Servers only (true) or unmanaged Servers only (false). */
    public Builder managed(boolean managed) {
      this.managed = managed;
      return this;
    }

    /** {@code project_name}: Servers of this Project. */
    public Builder projectName(String projectName) {
      this.projectName = checkNotBlank(projectName, "projectName");
      return this;
    }

    /**
     * {@code state}: Servers in this state.
     *
     * @throws IllegalArgumentException for {@code UNKNOWN_DEFAULT_OPEN_API}
     */
    public Builder state(ServerState state) {
      checkKnown(state, ServerState.UNKNOWN_DEFAULT_OPEN_API, "state");
      this.state = state;
      return this;
    }

    /** {@code selector}: Servers whose labels match, for example {@code env=prod,tier=db}. */
    public Builder selector(String selector) {
      this.selector = checkNotBlank(selector, "selector");
      return this;
    }

    /** {@code include_labels}: whether the results carry the Servers' labels. */
    public Builder includeLabels(boolean includeLabels) {
      this.includeLabels = includeLabels;
      return this;
    }

    /**
     * {@code count}: the number of Servers per page, overriding the client's page size.
     *
     * @throws IllegalArgumentException if {@code pageSize} is less than 1
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = OpaTeamsClient.checkPageSize(pageSize);
      return this;
    }

    /** Builds the request. */
    public ListServersRequest build() {
      return new ListServersRequest(this);
    }

    private static String checkNotBlank(String value, String name) {
      if (value == null) {
        throw new NullPointerException(name + " must not be null");
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank, but was: \"" + value + "\"");
      }
      return value;
    }

    private static <E extends Enum<E>> void checkKnown(E value, E unknown, String name) {
      if (value == null) {
        throw new NullPointerException(name + " must not be null");
      }
      if (value == unknown) {
        throw new IllegalArgumentException(
            name + " must be a known value, but was: " + value.name());
      }
    }
  }
}
